package org.wsemu.winsock;

import java.util.function.IntUnaryOperator;

/**
 * One WSAAsyncGetXByY request: where its reply goes, the caller's buffer, and its lookup, which
 * packs the result (see {@link AsyncBuffer}) into a scratch buffer and returns the packed size, or
 * -error when there is no result. It is queued, then running, then done (its reply posted) or
 * cancelled; a cancelled request never writes the buffer nor posts.
 *
 * <p>Thread-safe: the stage changes under this object's monitor, so that a cancel and a completion
 * cannot both win.
 */
final class AsyncRequest {
  enum Stage { QUEUED, RUNNING, DONE, CANCELLED }

  /** Packs a lookup's result into the given scratch buffer: the size needed, or -error. */
  @FunctionalInterface
  interface Lookup {
    int pack(byte[] scratch);
  }

  final int handle;
  final String function;
  final Object argument;
  final int hWnd;
  final int wMsg;
  private final byte[] buf;
  private final int buflen;
  private final Lookup lookup;
  private Stage stage = Stage.QUEUED;

  AsyncRequest(int handle, String function, Object argument, int hWnd, int wMsg, byte[] buf, int buflen,
      Lookup lookup) {
    this.handle = handle;
    this.function = function;
    this.argument = argument;
    this.hWnd = hWnd;
    this.wMsg = wMsg;
    this.buf = buf;
    this.buflen = buflen;
    this.lookup = lookup;
  }

  synchronized Stage stage() {
    return stage;
  }

  /** Whether it is queued or running: its handle is taken. */
  synchronized boolean outstanding() {
    return stage == Stage.QUEUED || stage == Stage.RUNNING;
  }

  /** Queued to running; false if it was cancelled meanwhile. */
  synchronized boolean start() {
    if (stage != Stage.QUEUED) {
      return false;
    }
    stage = Stage.RUNNING;
    return true;
  }

  /** Cancels it if it is still queued or running; returns whether it was. */
  synchronized boolean cancel() {
    if (stage == Stage.QUEUED || stage == Stage.RUNNING) {
      stage = Stage.CANCELLED;
      return true;
    }
    return false;
  }

  /**
   * Runs the lookup and, unless the request was cancelled, writes the buffer (if the result fits)
   * and marks it done, returning the reply's lParam; -1 if it was cancelled.
   *
   * @param post posts the reply (given its lParam) and says whether it was posted
   */
  int complete(IntUnaryOperator post) {
    int needed = lookup.pack(new byte[0]); // the size, or -error
    byte[] packed = needed > 0 ? new byte[needed] : null;
    if (packed != null) {
      lookup.pack(packed);
    }
    synchronized (this) {
      if (stage != Stage.RUNNING) {
        return -1;
      }
      int error = needed < 0 ? -needed : needed > buflen ? WinSock.WSAENOBUFS : 0;
      int length = needed < 0 ? 0 : Math.min(needed, 0xFFFF);
      if (error == 0) {
        System.arraycopy(packed, 0, buf, 0, needed);
      }
      stage = Stage.DONE;
      int lParam = WinSock.WSAMAKEASYNCREPLY(length, error);
      post.applyAsInt(lParam);
      return lParam;
    }
  }
}
