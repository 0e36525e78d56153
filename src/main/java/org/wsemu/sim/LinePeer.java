package org.wsemu.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ready-made line-oriented server for tests: it reads request lines and answers them from a
 * script, like a finger (RFC 1288) or SMTP (RFC 5321) server, with the misbehaviour a client must
 * survive: answers late, in fragments, or cut off by a close or a reset. One line sets it up:
 *
 * <pre>{@code
 * import java.util.List;
 * import java.util.Map;
 *
 * SimulatedNetwork net = SimulatedNetwork.builder().build();
 * net.listen(net.defaultHost(), 79, LinePeer.query(Map.of("alice", List.of("Login: alice", "Name: Alice"))));
 * net.listen(net.defaultHost(), 25, LinePeer.dialogue(
 *         LinePeer.Exchange.greeting("220 mail.example ready"),
 *         LinePeer.Exchange.on("HELO client", "250 mail.example"),
 *         LinePeer.Exchange.on("QUIT", "221 bye"))
 *     .delay(Duration.ofMillis(200))
 *     .fragments(Duration.ofMillis(50), 4));
 * }</pre>
 *
 * <p>The rules, the same for every connection:
 * <ul>
 *   <li>A line ends with {@link #lineEnd} (CR LF unless set); what comes before it is the request,
 *       characters 0-255 as bytes (ISO 8859-1). Answers are lines too, each followed by the line end.
 *   <li>{@link #dialogue}: the exchanges in order; a {@linkplain Exchange#greeting greeting} is sent
 *       without waiting for a line (on accepting, or right after the answer before it). After the
 *       last answer the peer closes gracefully. {@link #answering}: every line is answered from the
 *       map, until the client closes. {@link #query}: the first line is answered from the map, then
 *       the peer closes. A line the script does not expect (or longer than 64 KiB) resets the
 *       connection, so the client sees WSAECONNRESET.
 *   <li>{@link #delay}: each answer goes out that long after its request was read (after accepting,
 *       for a greeting). {@link #fragments}: an answer goes out in pieces of the given sizes, the
 *       last size repeating; after each piece the gap passes before whatever follows (the next
 *       piece, a close, a reset). Answers never overtake one another.
 *   <li>{@link #closeAfter} / {@link #resetAfter}: once that many answer bytes have gone (counted
 *       over the whole connection), the peer closes gracefully or resets, whatever the script says.
 *       A reset destroys what the client has not read yet, as a real RST does: bytes that arrive
 *       with the reset are lost to a client that was not reading. To let the client see the first
 *       bytes, pace the answer with {@link #fragments}, so the reset comes a gap after them.
 *   <li>When the client closes (or resets), the peer closes too, once the answers under way are out.
 * </ul>
 *
 * <p>Deterministic: on the virtual clock every byte leaves at an exact time. Like every {@link Peer}
 * it shows in the trace through the segments it sends and receives. Immutable and thread-safe: the
 * setters return a changed copy. For a peer that never answers, see {@link Peers#silent()} (it does
 * not even read) and {@link Peers#discard()} (reads and throws away).
 */
public final class LinePeer implements Peer {
  /** How the peer ends a connection after {@link #closeAfter} or {@link #resetAfter}. */
  enum Cut { CLOSE, RESET }

  /** The longest request line the peer takes; a longer one resets the connection. */
  static final int MAX_LINE = 65536;

  /**
   * One step of a {@link #dialogue}: the line it waits for ({@code null} for a greeting, which it
   * sends without waiting) and the lines it answers.
   */
  public record Exchange(String expect, List<String> answer) {
    public Exchange {
      answer = List.copyOf(answer);
    }

    /** Lines sent without waiting for a request. */
    public static Exchange greeting(String... lines) {
      return new Exchange(null, List.of(lines));
    }

    /** Waits for {@code line}, answers {@code lines}. */
    public static Exchange on(String line, String... lines) {
      return new Exchange(Objects.requireNonNull(line, "line"), List.of(lines));
    }
  }

  final List<Exchange> script;
  final Map<String, List<String>> answers;
  final boolean oneShot;
  final String lineEnd;
  final Duration delay;
  final Duration gap;
  final int[] sizes;
  final long cutAfter;
  final Cut cut;

  private LinePeer(List<Exchange> script, Map<String, List<String>> answers, boolean oneShot, String lineEnd,
      Duration delay, Duration gap, int[] sizes, long cutAfter, Cut cut) {
    this.script = script;
    this.answers = answers;
    this.oneShot = oneShot;
    this.lineEnd = lineEnd;
    this.delay = delay;
    this.gap = gap;
    this.sizes = sizes;
    this.cutAfter = cutAfter;
    this.cut = cut;
  }

  /** Plays {@code exchanges} in order, then closes. */
  public static LinePeer dialogue(Exchange... exchanges) {
    return dialogue(List.of(exchanges));
  }

  /** Plays {@code exchanges} in order, then closes. */
  public static LinePeer dialogue(List<Exchange> exchanges) {
    return new LinePeer(List.copyOf(exchanges), null, false, "\r\n", Duration.ZERO, Duration.ZERO, new int[0], -1, null);
  }

  /** Answers every line from {@code answers} (request line to answer lines) until the client closes. */
  public static LinePeer answering(Map<String, List<String>> answers) {
    return new LinePeer(null, copy(answers), false, "\r\n", Duration.ZERO, Duration.ZERO, new int[0], -1, null);
  }

  /** Answers the first line from {@code answers}, then closes: a finger server (RFC 1288). */
  public static LinePeer query(Map<String, List<String>> answers) {
    return new LinePeer(null, copy(answers), true, "\r\n", Duration.ZERO, Duration.ZERO, new int[0], -1, null);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> answers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    answers.forEach((line, lines) -> copy.put(Objects.requireNonNull(line, "line"), List.copyOf(lines)));
    return Map.copyOf(copy);
  }

  /** What ends a line, both ways (CR LF unless set; "\n" for a Unix-style service). */
  public LinePeer lineEnd(String end) {
    if (end == null || end.isEmpty()) {
      throw new IllegalArgumentException("a line end must not be empty");
    }
    return new LinePeer(script, answers, oneShot, end, delay, gap, sizes, cutAfter, cut);
  }

  /** Each answer goes out {@code delay} after its request was read. */
  public LinePeer delay(Duration delay) {
    return new LinePeer(script, answers, oneShot, lineEnd, nonNegative(delay, "delay"), gap, sizes, cutAfter, cut);
  }

  /**
   * Each answer goes out in pieces of {@code sizes} bytes (the last size repeating), {@code gap}
   * apart; pieces sent with no gap may arrive together.
   */
  public LinePeer fragments(Duration gap, int... sizes) {
    if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n <= 0)) {
      throw new IllegalArgumentException("fragment sizes must be given and positive: " + Arrays.toString(sizes));
    }
    return new LinePeer(script, answers, oneShot, lineEnd, delay, nonNegative(gap, "gap"), sizes.clone(), cutAfter, cut);
  }

  /** Closes gracefully (FIN) once {@code bytes} answer bytes have gone, in the middle of an answer if so. */
  public LinePeer closeAfter(long bytes) {
    return new LinePeer(script, answers, oneShot, lineEnd, delay, gap, sizes, nonNegative(bytes), Cut.CLOSE);
  }

  /** Resets (RST) once {@code bytes} answer bytes have gone, in the middle of an answer if so. */
  public LinePeer resetAfter(long bytes) {
    return new LinePeer(script, answers, oneShot, lineEnd, delay, gap, sizes, nonNegative(bytes), Cut.RESET);
  }

  @Override
  public Peer.Session accept(PeerConnection connection) {
    LineSession session = new LineSession(this, connection);
    session.start();
    return session;
  }

  private static Duration nonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
    return d;
  }

  private static long nonNegative(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes < 0: " + bytes);
    }
    return bytes;
  }
}
