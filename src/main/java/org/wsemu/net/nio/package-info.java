/**
 * The real network: {@link org.wsemu.net.nio.RealNetwork}, given to {@code Emulator.Builder.network},
 * makes endpoints on Java NIO channels with one selector thread per emulator. Everything else here
 * is its implementation. It uses only the network SPI ({@code org.wsemu.net}) and the basic types.
 */
package org.wsemu.net.nio;
