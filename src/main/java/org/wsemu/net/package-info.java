/**
 * The network SPI that the Windows Sockets layer runs on: {@link org.wsemu.net.Network} and its
 * non-blocking TCP and UDP endpoints, the {@link org.wsemu.net.NetworkFactory} an emulator is
 * given, and the {@link org.wsemu.net.NetworkEnvironment} it hands to the network, with the
 * network's own vocabulary: {@link org.wsemu.net.NetError}, {@link org.wsemu.net.TransportOption},
 * {@link org.wsemu.net.NetworkHost}. Two networks implement it: the real one on Java NIO
 * ({@code org.wsemu.net.nio}) and the simulated one ({@code org.wsemu.sim}). For implementors of a
 * network; applications only choose one. It uses no other package of the library than the basic
 * types.
 */
package org.wsemu.net;
