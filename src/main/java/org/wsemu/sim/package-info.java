/**
 * The deterministic simulated network: {@link org.wsemu.sim.SimulatedNetwork} (hosts, TCP and
 * UDP, links with latency and bandwidth, faults on a schedule or drawn from a seed),
 * {@link org.wsemu.sim.Link}, and the ready-made peers of {@link org.wsemu.sim.Peers} that play
 * the other end of a connection. Give it to {@code Emulator.Builder.network}; with a virtual clock
 * the same seed gives the same trace.
 *
 * <p>An implementation of the network SPI of {@code org.wsemu.net}.
 */
package org.wsemu.sim;
