package org.wsemu.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * One connection of a {@link LinePeer}: splits what arrives into lines, answers them by the
 * script, and paces the answers (delay, fragments, cut).
 *
 * <p>Not thread-safe on its own: it runs only in its connection's callbacks and timers, which
 * never run at once (see {@link Peer}).
 */
final class LineSession implements Peer.Session {
  private final LinePeer rules;
  private final PeerConnection connection;
  private final byte[] end;
  /** Pieces of answers (byte[]) and at most one {@link LinePeer.Cut}, in the order they go. */
  private final Deque<Object> out = new ArrayDeque<>();
  /** The request line so far: {@code length} bytes of {@code line}. */
  private byte[] line = new byte[128];
  private int length;
  private int step;
  private long queuedBytes;
  private int delayed;
  private int pieceIndex;
  private boolean pacing;
  private boolean inputEnded;
  /** No more lines are taken: the script ended, a cut is queued, or the connection was reset. */
  private boolean finished;
  /** A close or reset is queued: nothing more goes out. */
  private boolean ending;

  LineSession(LinePeer rules, PeerConnection connection) {
    this.rules = rules;
    this.connection = connection;
    this.end = rules.lineEnd.getBytes(StandardCharsets.ISO_8859_1);
  }

  void start() {
    if (rules.cutAfter == 0) {
      enqueue(new byte[0], false);
      pump();
    } else if (rules.script != null) {
      List<String> greeting = greetings();
      if (!greeting.isEmpty() || step == rules.script.size()) {
        answer(greeting, step == rules.script.size());
      }
    }
  }

  @Override
  public void readable() {
    byte[] buffer = new byte[4096];
    for (;;) {
      int n = connection.read(buffer, 0, buffer.length);
      if (n == PeerConnection.WOULD_BLOCK) {
        return;
      }
      if (n <= 0) {
        inputEnded = true;
        if (n < 0) {
          connection.close(); // reset by the client: nothing more can go
        } else {
          closeIfIdle();
        }
        return;
      }
      for (int i = 0; i < n && !finished; i++) {
        take(buffer[i]);
      }
    }
  }

  private void take(byte b) {
    if (length == line.length) {
      line = Arrays.copyOf(line, length * 2);
    }
    line[length++] = b;
    if (length >= end.length && Arrays.equals(line, length - end.length, length, end, 0, end.length)) {
      String text = new String(line, 0, length - end.length, StandardCharsets.ISO_8859_1);
      length = 0;
      request(text);
    } else if (length > LinePeer.MAX_LINE) {
      unexpected();
    }
  }

  private void request(String text) {
    if (rules.script == null) {
      List<String> lines = rules.answers.get(text);
      if (lines == null) {
        unexpected();
        return;
      }
      finished = rules.oneShot;
      answer(lines, rules.oneShot);
      return;
    }
    if (step >= rules.script.size() || !rules.script.get(step).expect().equals(text)) {
      unexpected();
      return;
    }
    List<String> lines = new ArrayList<>(rules.script.get(step++).answer());
    lines.addAll(greetings());
    finished = step == rules.script.size();
    answer(lines, finished);
  }

  /** The answers of the greetings from {@code step} on; moves past them. */
  private List<String> greetings() {
    List<String> lines = new ArrayList<>();
    while (step < rules.script.size() && rules.script.get(step).expect() == null) {
      lines.addAll(rules.script.get(step++).answer());
    }
    return lines;
  }

  private void unexpected() {
    finished = true;
    out.clear();
    connection.reset();
  }

  private void answer(List<String> lines, boolean thenClose) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String text : lines) {
      bytes.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
      bytes.writeBytes(end);
    }
    byte[] data = bytes.toByteArray();
    if (rules.delay.isZero()) {
      enqueue(data, thenClose);
      pump();
    } else {
      delayed++;
      connection.after(rules.delay, () -> {
        delayed--;
        enqueue(data, thenClose);
        pump();
      });
    }
  }

  /** Queues {@code data} in pieces, cut short where the cut falls; then the close if asked. */
  private void enqueue(byte[] data, boolean thenClose) {
    if (ending) {
      return;
    }
    int from = 0;
    do {
      int size = rules.sizes.length == 0 ? data.length - from
          : Math.min(data.length - from, rules.sizes[Math.min(pieceIndex++, rules.sizes.length - 1)]);
      if (rules.cutAfter >= 0 && queuedBytes + size >= rules.cutAfter) {
        int left = (int) (rules.cutAfter - queuedBytes);
        if (left > 0) {
          out.add(Arrays.copyOfRange(data, from, from + left));
        }
        queuedBytes = rules.cutAfter;
        out.add(rules.cut);
        finished = true;
        ending = true;
        return;
      }
      if (size > 0) {
        out.add(Arrays.copyOfRange(data, from, from + size));
      }
      queuedBytes += size;
      from += size;
    } while (from < data.length);
    if (rules.sizes.length > 0) {
      pieceIndex = 0; // each answer starts with the first size
    }
    if (thenClose) {
      out.add(LinePeer.Cut.CLOSE);
      ending = true;
    }
  }

  /** Sends what is queued, a gap after each piece when anything (a piece, a close, a reset) follows. */
  private void pump() {
    if (pacing) {
      return;
    }
    while (!out.isEmpty()) {
      Object item = out.poll();
      if (item instanceof LinePeer.Cut cut) {
        finished = true;
        if (cut == LinePeer.Cut.CLOSE) {
          connection.close();
        } else {
          connection.whenSent(connection::reset);
        }
        return;
      }
      connection.send((byte[]) item);
      if (!rules.gap.isZero() && !out.isEmpty()) {
        pacing = true;
        connection.after(rules.gap, () -> {
          pacing = false;
          pump();
        });
        return;
      }
    }
    closeIfIdle();
  }

  private void closeIfIdle() {
    if (inputEnded && out.isEmpty() && !pacing && delayed == 0) {
      connection.close();
    }
  }
}
