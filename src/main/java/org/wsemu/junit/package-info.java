/**
 * JUnit 5 support for tests of programs built on wsemu: {@link org.wsemu.junit.WsemuTest} gives each
 * test a fresh {@link org.wsemu.Emulator}, its {@link org.wsemu.sim.SimulatedNetwork} and a
 * {@link org.wsemu.trace.TraceRecorder}; {@link org.wsemu.junit.AllWorlds} and its kin run a test once
 * per scheduling mode and network; {@link org.wsemu.junit.WsemuTasks} runs a body as a task;
 * {@link org.wsemu.junit.Explore} runs a test once per schedule of its tasks
 * ({@link org.wsemu.explore.Explorer}) and fails with the key that replays the failing one.
 *
 * <p>After each test the emulator is closed and checked: anything it still holds
 * ({@link org.wsemu.Emulator#openResources()}) fails the test. A failing test gets the seed of its
 * simulated network and the last trace events attached, and its whole trace is written to
 * {@code target/wsemu-traces}.
 *
 * <p>The package ships in the library's own artifact, so a user adds one dependency and one
 * annotation. The library declares JUnit Jupiter's API an optional dependency
 * ({@code requires static} in its module descriptor): programs that use the emulator without JUnit
 * never get it, and no other package of the library uses it. A user's test build has JUnit anyway.
 */
package org.wsemu.junit;
