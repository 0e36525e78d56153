package org.wsemu.winsock;

import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;
import org.wsemu.internal.GuardedBy;
import org.wsemu.kernel.KernelTask;

/**
 * One WSAAsyncGetXByY request: where its reply goes, the caller's buffer, and its lookup, whose
 * result is packed (see {@link AsyncBuffer}) straight into the buffer if it fits. It is queued, then running, then done (its reply posted) or
 * cancelled; a cancelled request never writes the buffer nor posts.
 *
 * <p>Thread-safe: the stage changes under this object's monitor, so that a cancel and a completion
 * cannot both win.
 */
final class AsyncRequest {
  enum Stage { QUEUED, RUNNING, DONE, CANCELLED }

  /** Finds what a request asks for, once. */
  @FunctionalInterface
  interface Lookup {
    Found find();
  }

  /**
   * A lookup's result: an error (WSAHOST_NOT_FOUND, WSANO_DATA), or the packed size and how to pack
   * it into a buffer that size or larger.
   */
  record Found(int error, int size, ObjIntConsumer<byte[]> packer) {
    static Found failed(int error) {
      return new Found(error, 0, null);
    }
  }

  final int handle;
  final String function;
  final Object argument;
  final int hWnd;
  final int wMsg;
  @GuardedBy("this") private byte[] buf; // dropped when the request is finished: remembered handles must not pin buffers
  private final int buflen;
  @GuardedBy("this") private Lookup lookup;
  @GuardedBy("this") private Stage stage = Stage.QUEUED;
  /** The task that made the request. */
  final KernelTask caller;
  /** Checked mode: the checksum of the buffer's bytes when the request was made; -1 when not checked. */
  private final long checksum;

  AsyncRequest(int handle, String function, Object argument, int hWnd, int wMsg, byte[] buf, int buflen,
      Lookup lookup, KernelTask caller, boolean checked) {
    this.caller = caller;
    this.checksum = checked ? CheckedRules.checksum(buf, buflen) : -1;
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
      release();
      return true;
    }
    return false;
  }

  /**
   * Runs the lookup and, unless the request was cancelled, writes the buffer (if the result fits)
   * and marks it done, returning the reply's lParam; -1 if it was cancelled.
   *
   * @param post posts the reply (given its lParam) and says whether it was posted
   * @param modified called (under this object's monitor) if checked mode took the buffer's checksum
   *     when the request was made and the buffer changed since; before anything is written to it
   */
  int complete(IntUnaryOperator post, Consumer<AsyncRequest> modified) {
    Lookup running;
    synchronized (this) {
      if (stage != Stage.RUNNING) {
        return -1;
      }
      running = lookup;
    }
    Found found = running.find();
    synchronized (this) {
      if (stage != Stage.RUNNING) {
        return -1;
      }
      if (checksum != -1 && CheckedRules.checksum(buf, buflen) != checksum) {
        modified.accept(this);
      }
      int error = found.error() != 0 ? found.error() : found.size() > buflen ? WinSock.WSAENOBUFS : 0;
      if (error == 0) {
        found.packer().accept(buf, buflen); // under the monitor: a cancel cannot come between
      }
      stage = Stage.DONE;
      release();
      int lParam = WinSock.WSAMAKEASYNCREPLY(found.error() != 0 ? 0 : Math.min(found.size(), 0xFFFF), error);
      post.applyAsInt(lParam);
      return lParam;
    }
  }

  /** A finished request keeps its handle's meaning, not the caller's buffer or the lookup. */
  private void release() {
    buf = null;
    lookup = null;
  }
}
