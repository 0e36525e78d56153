/**
 * Schedule exploration: run a Win16 program on many schedules, find one that fails, shrink it and
 * replay it exactly. Start at {@link org.wsemu.explore.Explorer}; docs/exploration.md explains the
 * strategies, the replay keys and the determinism contract.
 *
 * <p>On top of the library: it uses the emulator and any package under it; nothing in the library
 * but the JUnit support uses it.
 */
package org.wsemu.explore;
