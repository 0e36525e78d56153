package org.wsemu.winsock;

/**
 * What one look at a socket found, and everything that follows from it: which select() conditions
 * hold, which WSAAsyncSelect FD_* events hold (with their errors), and which network readiness
 * ({@link org.wsemu.net.Readiness} bits) a blocked call or a registration must wait for, because it
 * could make a condition that is false now hold. The three views come from the same facts, so
 * they cannot disagree about what a socket in a given state is ready for.
 *
 * <p>A socket takes a snapshot with {@link EmulatedSocket#lookForSelect}, {@link EmulatedSocket#lookForEvents}
 * (which first look at the endpoint: read ahead, take a pending connection, finish a connection
 * attempt) or {@link EmulatedSocket#readiness} (which only reads the socket's state).
 *
 * <p>A snapshot is a value of the moment it was taken: filled under the socket's monitor, then
 * only read, by the thread that took it.
 */
sealed interface SocketReadiness permits StreamReadiness, DatagramReadiness {
  /** select() bits returned by {@link #select}. */
  int READABLE = 1;
  int WRITABLE = 2;
  int EXCEPTION = 4;

  /**
   * Which of the requested select() conditions hold ({@link #READABLE}...). Ask what the look
   * that took this snapshot was asked.
   */
  int select(boolean read, boolean write, boolean except);

  /** The network readiness that could change what {@link #select} says for the same sets. */
  int selectWaitOps(boolean read, boolean write, boolean except);

  /** The FD_* conditions that hold (for WSAAsyncSelect). */
  int events();

  /** The number of the last connection attempt that finished, or 0: FD_CONNECT is posted once per attempt. */
  int connectAttempt();

  /** With FD_CONNECT: the attempt's outcome, 0 (connected) or its WSAE* code. */
  int connectError();

  /** With FD_CLOSE: 0 for a graceful close, else WSAECONNRESET or WSAECONNABORTED. */
  int closeError();

  /**
   * The network readiness that could make one of the {@code wanted} FD_* conditions, false now,
   * hold; 0 if none can change without the program calling something.
   */
  int eventWaitOps(int wanted);
}
