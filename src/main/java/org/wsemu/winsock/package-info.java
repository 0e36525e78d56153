/**
 * Windows Sockets 1.1 with its C names: {@link org.wsemu.winsock.WinsockApi} (every function), the
 * constants and error codes of {@code winsock.h} ({@link org.wsemu.winsock.WinSock}), the structures
 * ({@link org.wsemu.winsock.sockaddr_in}, {@link org.wsemu.winsock.hostent},
 * {@link org.wsemu.winsock.fd_set}, ...), and {@link org.wsemu.winsock.BlockingHook}. The
 * implementation (the pseudo-blocking engine, sockets, asynchronous requests, the embedded hosts,
 * services and protocols database) is package-private; {@link org.wsemu.winsock.WinsockWiring} is
 * the emulator's internal wiring entry.
 *
 * <p>Built on USER and the kernel; runs on a network through the SPI of {@code org.wsemu.net}.
 */
package org.wsemu.winsock;
