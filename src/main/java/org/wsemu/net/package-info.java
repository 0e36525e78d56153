/**
 * The network SPI that the Windows Sockets layer runs on: {@link org.wsemu.net.Network} and its
 * non-blocking TCP and UDP endpoints, the {@link org.wsemu.net.NetworkFactory} an emulator is
 * given, and the {@link org.wsemu.net.NetworkEnvironment} it hands to the network. Two networks
 * implement it: the real one on Java NIO ({@link org.wsemu.net.Network#real()}) and the simulated
 * one ({@code org.wsemu.sim}). For implementors of a network; applications only choose one.
 */
package org.wsemu.net;
