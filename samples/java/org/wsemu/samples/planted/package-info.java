/**
 * Small Win16 programs with a planted reentrancy bug, each with its fixed version
 * ({@link org.wsemu.samples.planted.PlantedBugs} lists them): the classic mistakes of ported Winsock
 * code, which show only on some orders of events. Each is an
 * {@link org.wsemu.explore.ScheduledProgram}, so schedule exploration can search for the order that
 * breaks it ({@code wsemu explore org.wsemu.samples.planted.TelnetDroppedKey}); docs/exploration.md
 * records how many schedules each strategy needed to find each bug.
 */
package org.wsemu.samples.planted;
