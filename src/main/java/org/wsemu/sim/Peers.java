package org.wsemu.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Ready-made peers for tests, samples and scenarios: the classic small services (echo, discard,
 * daytime, chargen), timed senders, and misbehaving peers (silent, resetting, slow). For a
 * line-oriented server answering from a script (late, in fragments, cut off), see {@link LinePeer}.
 *
 * <p>Every method returns a new, stateless {@link Peer}; install it with
 * {@link SimulatedNetwork#listen}. Thread-safe.
 */
public final class Peers {
  private Peers() {}

  /** How much an echoing peer lets pile up unsent before it stops reading (so a sender feels backpressure). */
  static final int ECHO_WINDOW = 8192;

  private static final DateTimeFormatter DAYTIME =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy HH:mm:ss-'UTC'", Locale.US).withZone(ZoneOffset.UTC);

  /** RFC 862: sends back whatever it receives; closes after the other side does. */
  public static Peer echo() {
    return connection -> new Peer.Session() {
      private final byte[] buffer = new byte[4096];
      private boolean waiting;

      @Override
      public void readable() {
        while (connection.unsent() < ECHO_WINDOW) {
          int n = connection.read(buffer, 0, buffer.length);
          if (n > 0) {
            connection.send(Arrays.copyOf(buffer, n));
          } else {
            if (n != PeerConnection.WOULD_BLOCK) {
              connection.close(); // end of stream or reset
            }
            return;
          }
        }
        if (!waiting) {
          waiting = true;
          connection.whenSent(() -> {
            waiting = false;
            readable();
          });
        }
      }
    };
  }

  /** RFC 863: reads and throws away; closes after the other side does. */
  public static Peer discard() {
    return connection -> () -> drain(connection);
  }

  /**
   * RFC 867: sends the emulator's clock as text ("Thursday, January 1, 1970 00:00:00-UTC" and CR
   * LF: with a virtual clock, time 0 is the epoch), then closes.
   */
  public static Peer daytime() {
    return connection -> {
      String text = DAYTIME.format(Instant.ofEpochMilli(connection.now())) + "\r\n";
      connection.send(text.getBytes(StandardCharsets.US_ASCII));
      connection.close();
      return () -> { };
    };
  }

  /**
   * RFC 864: sends lines of 72 printable characters, each starting one character later, for as long
   * as the other side reads; throws away what it receives.
   */
  public static Peer chargen() {
    return connection -> {
      ChargenSession session = new ChargenSession(connection);
      session.fill();
      return session;
    };
  }

  private static final class ChargenSession implements Peer.Session {
    private final PeerConnection connection;
    private int line;

    ChargenSession(PeerConnection connection) {
      this.connection = connection;
    }

    void fill() {
      if (connection.isClosed() || connection.atEnd()) {
        return;
      }
      while (connection.unsent() < ECHO_WINDOW && !connection.atEnd()) {
        connection.send(chargenLine(line++));
      }
      connection.whenSent(this::fill);
    }

    @Override
    public void readable() {
      drain(connection);
    }
  }

  /** Line {@code n} of the chargen pattern, with CR LF. */
  static byte[] chargenLine(int n) {
    byte[] line = new byte[74];
    for (int i = 0; i < 72; i++) {
      line[i] = (byte) (' ' + (n + i) % 95);
    }
    line[72] = '\r';
    line[73] = '\n';
    return line;
  }

  /** Sends {@code data} once {@code delay} has passed after accepting; then reads and throws away until the other side closes. */
  public static Peer sendAfter(Duration delay, byte[] data) {
    Objects.requireNonNull(delay, "delay");
    byte[] copy = data.clone();
    return connection -> {
      connection.after(delay, () -> connection.send(copy));
      return () -> drain(connection);
    };
  }

  /**
   * Accepts and never answers: never reads (its window fills up), never sends, never closes; it
   * holds the connection until the client closes it. {@link #discard()} also never answers, but reads.
   */
  public static Peer silent() {
    return connection -> () -> { };
  }

  /** Reads and throws away exactly {@code bytes} bytes, then resets the connection. */
  public static Peer resetAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes < 0: " + bytes);
    }
    return connection -> {
      long[] left = {bytes};
      if (bytes == 0) {
        connection.reset();
      }
      return () -> {
        byte[] buffer = new byte[4096];
        while (left[0] > 0) {
          int n = connection.read(buffer, 0, (int) Math.min(buffer.length, left[0]));
          if (n <= 0) {
            if (n != PeerConnection.WOULD_BLOCK) {
              connection.close();
            }
            return;
          }
          left[0] -= n;
        }
        connection.reset();
      };
    };
  }

  /**
   * Reads at most {@code bytesPerSecond}, a slice every 100 ms (or a byte at a time, for less than
   * 10 per second), throwing it away: a sender soon finds the window full and waits. It ticks only
   * while data waits, so an idle connection costs no events.
   */
  public static Peer slowReader(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond <= 0: " + bytesPerSecond);
    }
    int slice = (int) Math.max(1, Math.min(65536, bytesPerSecond / 10));
    Duration interval = Duration.ofMillis(Math.max(1, 1000L * slice / bytesPerSecond));
    return connection -> new SlowReaderSession(connection, slice, interval);
  }

  private static final class SlowReaderSession implements Peer.Session {
    private final PeerConnection connection;
    private final byte[] buffer;
    private final Duration interval;
    private boolean ticking;

    SlowReaderSession(PeerConnection connection, int slice, Duration interval) {
      this.connection = connection;
      this.buffer = new byte[slice];
      this.interval = interval;
    }

    @Override
    public void readable() {
      if (!ticking) {
        ticking = true;
        connection.after(interval, this::tick);
      }
    }

    private void tick() {
      int n = connection.read(buffer, 0, buffer.length);
      if (n == 0 || n < 0 && n != PeerConnection.WOULD_BLOCK) {
        connection.close();
        ticking = false;
      } else if (n > 0) {
        connection.after(interval, this::tick);
      } else {
        ticking = false; // nothing waits: the next arrival starts the ticks again
      }
    }
  }

  /** Closes gracefully once {@code delay} has passed after accepting (a peer close); throws away what it receives. */
  public static Peer closeAfter(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return connection -> {
      connection.after(delay, connection::close);
      return () -> drain(connection);
    };
  }

  /** UDP echo (RFC 862): sends every datagram back to its sender. */
  public static DatagramPeer datagramEcho() {
    return (data, reply) -> reply.send(data);
  }

  /** UDP discard (RFC 863): ignores every datagram. */
  public static DatagramPeer datagramDiscard() {
    return (data, reply) -> { };
  }

  /** Reads and throws away what waits; closes at the end of the stream or a reset. */
  private static void drain(PeerConnection connection) {
    byte[] buffer = new byte[4096];
    for (;;) {
      int n = connection.read(buffer, 0, buffer.length);
      if (n <= 0) {
        if (n != PeerConnection.WOULD_BLOCK) {
          connection.close();
        }
        return;
      }
    }
  }

}
