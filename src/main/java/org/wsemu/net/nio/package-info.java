/**
 * The real network: endpoints on Java NIO channels and one selector thread per emulator. Programs
 * choose it with {@link org.wsemu.net.Network#real()}; nothing here is meant to be called directly.
 */
package org.wsemu.net.nio;
