package org.wsemu.endpoint;

import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.winsock.WinSock.*;

import java.util.Arrays;
import org.wsemu.winsock.WinsockApi;

/**
 * The data of a connected endpoint: the Outputs, sent one after another in the order made, and
 * the input, read from the socket only while an Input or the standing input spec wants it, into a
 * buffer from which each piece is cut as its spec says. Bytes read and not yet taken stay in the
 * buffer for the next Input: a cancel never loses them.
 *
 * <p>Confined to the owning task's thread.
 */
final class Transfers {
  private static final int CHUNK = 4096;

  private final Engine engine;
  private final WinsockApi ws;
  private byte[] buffer = new byte[CHUNK];
  private int length;
  private boolean ended; // the socket will give no more input
  private int endCode; // what an Input that the buffer cannot satisfy then gets

  Transfers(Engine engine) {
    this.engine = engine;
    this.ws = engine.ws;
  }

  /** A new connection (or none): an empty buffer. */
  void reset() {
    length = 0;
    ended = false;
    endCode = noErr;
  }

  /** The endpoint closed the socket: no more input comes. */
  void closed(int code) {
    if (!ended) {
      ended = true;
      endCode = code;
    }
  }

  // ---- output ----

  /** Sends what the first Output still has, and the next ones, until the socket would block. */
  void pumpOutput() {
    for (Request r = engine.first(RequestKind.OUTPUT); r != null; r = engine.first(RequestKind.OUTPUT)) {
      if (r.sent == r.output.length) {
        engine.finish(r, noErr, r.output.clone());
        continue;
      }
      int s = engine.connection.s;
      int n = s == INVALID_SOCKET ? SOCKET_ERROR : ws.send(s, r.output, r.sent, r.output.length - r.sent, 0);
      if (n == SOCKET_ERROR) {
        int error = s == INVALID_SOCKET ? WSAENOTCONN : ws.WSAGetLastError();
        if (error == WSAEWOULDBLOCK) {
          return; // FD_WRITE goes on
        }
        engine.finish(r, fromWinsock(error), r.sentSoFar());
        continue;
      }
      r.sent += n;
    }
    engine.connection.outputDrained();
  }

  // ---- input ----

  /** Serves the first Input (or the standing input spec) from the buffer, reading as needed. */
  void pumpInput() {
    for (;;) {
      Request head = engine.first(RequestKind.INPUT);
      if (head == null) {
        head = engine.first(RequestKind.INPUT_SPEC);
      }
      if (head == null) {
        return;
      }
      int end = pieceEnd(head.inputSpec);
      if (end > 0) {
        byte[] piece = Arrays.copyOf(buffer, end);
        System.arraycopy(buffer, end, buffer, 0, length - end);
        length -= end;
        if (head.kind == RequestKind.INPUT) {
          engine.finish(head, noErr, piece);
        } else {
          engine.deliverInput(head, piece);
        }
        continue;
      }
      if (ended) {
        failInputs(endCode);
        return;
      }
      if (!readMore()) {
        return;
      }
    }
  }

  /** Ends every pending Input and the standing input spec with {@code code}, in the order made. */
  void failInputs(int code) {
    for (Request r : engine.outstanding(RequestKind.INPUT)) {
      engine.finish(r, code, null);
    }
    for (Request r : engine.outstanding(RequestKind.INPUT_SPEC)) {
      engine.finish(r, code, null);
    }
  }

  /** FD_CLOSE: the Outputs fail, the Inputs take what is left, then fail. */
  void peerClosed(int error) {
    int code = error == 0 ? kCommErrConnectionAborted : fromWinsock(error);
    for (Request r : engine.outstanding(RequestKind.OUTPUT)) {
      engine.finish(r, code, r.sentSoFar());
    }
    engine.connection.outputDrained();
    if (error != 0 && !ended) {
      ended = true;
      endCode = code;
    }
    pumpInput();
  }

  /** One recv into the buffer; false when the socket would block. */
  private boolean readMore() {
    int s = engine.connection.s;
    if (s == INVALID_SOCKET) {
      closed(kCommErrNotConnected);
      return true;
    }
    if (buffer.length - length < CHUNK) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + CHUNK));
    }
    int n = ws.recv(s, buffer, length, CHUNK, 0);
    if (n > 0) {
      length += n;
      return true;
    }
    if (n == 0) {
      closed(kCommErrConnectionAborted);
      return true;
    }
    int error = ws.WSAGetLastError();
    if (error == WSAEWOULDBLOCK) {
      return false;
    }
    closed(fromWinsock(error));
    return true;
  }

  /** Where the next piece ends by {@code spec}: its length, or 0 when the buffer has not got it yet. */
  private int pieceEnd(InputSpec spec) {
    int count = spec.byteCount();
    byte[] sequence = spec.endSequence();
    int byCount = count > 0 && length >= count ? count : 0;
    if (sequence != null) {
      int limit = byCount > 0 ? byCount : length;
      for (int i = 0; i + sequence.length <= limit; i++) {
        if (Arrays.equals(buffer, i, i + sequence.length, sequence, 0, sequence.length)) {
          return i + sequence.length;
        }
      }
    }
    return byCount;
  }

  /** Whether an Input could be served now without the socket. */
  boolean buffered() {
    return length > 0;
  }
}
