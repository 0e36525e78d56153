package org.wsemu.winsock;

/**
 * What a socket reports to its WSAAsyncSelect registration: which FD_* conditions hold now, which
 * connection attempt has an outcome (for FD_CONNECT, one message per attempt), and the errors that
 * go with FD_CONNECT and FD_CLOSE. The registration says first whether it still waits for FD_CLOSE.
 *
 * <p>Not thread-safe; filled and read by one evaluation.
 */
final class AsyncConditions {
  /**
   * Set by the registration: it may still post FD_CLOSE, so the socket must look for the peer's
   * close even behind data not read yet.
   */
  boolean closeWanted;
  /** FD_* bits that hold now. */
  int events;
  /** The number of the last connection attempt that finished, or 0. */
  int connectAttempt;
  /** Its outcome: 0 connected, or the WSAE* code. */
  int connectError;
  /** With FD_CLOSE: 0 for a graceful close, else WSAECONNRESET or WSAECONNABORTED. */
  int closeError;
}
