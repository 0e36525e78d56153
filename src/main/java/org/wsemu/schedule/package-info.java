/**
 * The choice points of an emulator ({@link org.wsemu.schedule.ChoicePoint}) and the source that
 * makes the choices ({@link org.wsemu.schedule.ChoiceSource}): the hook schedule exploration uses
 * to search the orders of events a Win16 program on the simulated network can meet. A basic
 * package: it uses no other package of the library.
 */
package org.wsemu.schedule;
