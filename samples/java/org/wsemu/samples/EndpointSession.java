package org.wsemu.samples;

import static org.wsemu.user.WinDef.NULL;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.endpoint.CallbackSpec;
import org.wsemu.endpoint.CommErrors;
import org.wsemu.endpoint.CompletionScript;
import org.wsemu.endpoint.Endpoint;
import org.wsemu.endpoint.EndpointException;
import org.wsemu.endpoint.EndpointState;
import org.wsemu.endpoint.InputSpec;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.sockaddr_in;

/**
 * A terminal session on an {@link Endpoint}, written the way a Newton communications application
 * was: a standing input spec whose InputScript shows each line as it arrives, asynchronous Outputs
 * whose CompletionScripts report what became of them, and a time-out that cancels.
 *
 * <p>It talks to a {@link LineServer}: connects, sets an input spec (a line ends with CR LF; no
 * line within the time-out cancels), asks for the list ({@code LIST}), and once the list has ended
 * uploads a file ({@code PUT} and its bytes) and says {@code QUIT}: three asynchronous Outputs. A
 * server that answers says {@code BYE} and closes the connection, which ends the input spec
 * (kCommErrConnectionAborted, -16013, to its CompletionScript), and the session finishes. A server that
 * hangs after the list reads nothing more: the upload fills its window and stays pending, no line
 * comes, and the input spec's time-out cancels, in the Endpoint Interface's order: the pending
 * Outputs complete with -16005 (kCommErrRequestCanceled), in the order they were made, then the
 * cancel itself completes to the input spec's CompletionScript. The session then disconnects,
 * connects again (once), and starts over.
 *
 * <p>Each line it prints starts with {@code [t=... ms]}, GetTickCount's milliseconds since the first
 * connection began; {@code <} marks a line received. On the simulated network in Win16 mode the
 * output is the same on every run; on the real network the number of bytes an Output had handed
 * to the socket when it was cancelled depends on the operating system's buffers.
 *
 * <p>Threading: {@link #run} is called on a thread outside the emulator; the session itself, its
 * scripts included, runs on its one task.
 */
public final class EndpointSession {
  /** The size of the file the session uploads: 16 MiB, more than the buffers of a connection take (a few MiB on loopback), so that a hung server leaves it pending. */
  public static final int UPLOAD_BYTES = 16 << 20;
  /** How many connections a session makes at most: the first, and one more after a time-out. */
  static final int MAX_CONNECTIONS = 2;

  /** What one connection of the session did. */
  public enum Outcome {
    /** The server said BYE: the list, the upload and QUIT all went through. */
    BYE,
    /** No line came within the time-out; the input spec's time-out cancelled what was pending. */
    TIMED_OUT,
    /** A request failed, as printed. */
    FAILED
  }

  private final Emulator emu;
  private final User user;
  private final PrintWriter out;
  private final int port;
  private final int timeoutMillis;
  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private Endpoint ep;
  private int startTick;
  private int connection;                                 // 1, 2...
  private boolean bye;                                    // the server said BYE on this connection
  private Outcome outcome;                                // set by a script: this connection has ended

  private EndpointSession(Emulator emu, PrintWriter out, int port, int timeoutMillis) {
    this.emu = emu;
    this.user = emu.user();
    this.out = out;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Runs the session as a task of {@code emu} (not started yet) against the line server on
   * {@code 127.0.0.1:port}, with an input time-out of {@code timeoutMillis}. Call it on any thread
   * but the emulator's tasks; it returns when the session's task has ended.
   *
   * @return the outcome of each connection, in order: {@code [TIMED_OUT, BYE]} when the first
   *     connection's server hangs and the second one's answers
   * @throws IllegalArgumentException if {@code timeoutMillis} is below SetTimer's minimum
   *     ({@code USER_TIMER_MINIMUM}, 10 ms): the time-out is a timer
   * @throws IllegalStateException if the session does not finish within a minute of its time-outs
   */
  public static List<Outcome> run(Emulator emu, PrintWriter out, int port, int timeoutMillis)
      throws InterruptedException {
    QuoteClient.checkTimeout(timeoutMillis);
    EndpointSession session = new EndpointSession(emu, out, port, timeoutMillis);
    Task task = emu.createTask("session", session::main);
    emu.start();
    if (!task.join(Duration.ofMinutes(1).plusMillis(2L * MAX_CONNECTIONS * timeoutMillis))) {
      throw new IllegalStateException("the session did not finish within a minute of its time-outs");
    }
    if (task.failure().isPresent()) {
      throw new IllegalStateException("the session ended by an exception", task.failure().get());
    }
    return List.copyOf(session.outcomes);
  }

  private int main() {
    ep = Endpoint.Instantiate(emu.winsock(), user, emu.trace());
    startTick = user.GetTickCount();
    try {
      do {
        connection++;
        outcomes.add(connectAndTalk());
      } while (outcomes.get(outcomes.size() - 1) == Outcome.TIMED_OUT && connection < MAX_CONNECTIONS);
    } finally {
      ep.Dispose();
    }
    return 0;
  }

  /** One connection: connect, talk until a script says it has ended, disconnect. */
  private Outcome connectAndTalk() {
    outcome = null;
    bye = false;
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = WinSock.AF_INET;
    sin.sin_port = WinSock.htons(port);
    sin.sin_addr.s_addr = WinSock.inet_addr("127.0.0.1");
    try {
      ep.Bind(null, null);                                 // synchronous: they wait, or throw
      ep.Connect(sin, CallbackSpec.sync().withTimeout(timeoutMillis));
      print("connection %d: connected to 127.0.0.1:%d", connection, port);
      ep.SetInputSpec(InputSpec.endSequence(new byte[] {'\r', '\n'})  // a line ends with CR LF
          .withTimeout(timeoutMillis)                      // no line for that long: cancel
          .withInputScript(this::inputScript)
          .withCompletionScript(this::inputEnded));
    } catch (EndpointException e) {
      print("connection %d: %s", connection, e.getMessage());
      if (ep.State() == EndpointState.CONNECTED) {
        ep.Disconnect(true, null);
      }
      unbind();
      return Outcome.FAILED;
    }
    output("LIST\r\n".getBytes(StandardCharsets.US_ASCII));

    MSG msg = new MSG();
    while (outcome == null && user.GetMessage(msg, NULL, 0, 0) != 0) {  // the scripts run in here
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    Outcome ended = outcome == null ? Outcome.FAILED : outcome;       // null: the emulator is shutting down
    try {
      if (ep.State() == EndpointState.CONNECTED) {
        ep.Disconnect(false, null);                        // graceful: nothing is pending any more
        print("connection %d: disconnected", connection);
      } else {
        print("connection %d: the server has disconnected", connection);
      }
    } catch (EndpointException e) {
      print("connection %d: %s", connection, e.getMessage());
    }
    unbind();
    return ended;
  }

  /* InputScript: a line has arrived (the input spec stays set for the next one) */
  private void inputScript(Endpoint endpoint, byte[] data) {
    String line = new String(data, 0, data.length - 2, StandardCharsets.US_ASCII);
    print("< %s", line);
    if (line.equals(".")) {                                // the list has ended: upload, then quit
      byte[] file = new byte[UPLOAD_BYTES];
      for (int i = 0; i < file.length; i++) {
        file[i] = (byte) ('a' + i % 26);
      }
      print("> PUT %d, the file, QUIT (three asynchronous Outputs)", UPLOAD_BYTES);
      output(("PUT " + UPLOAD_BYTES + "\r\n").getBytes(StandardCharsets.US_ASCII));
      output(file);
      output("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
    } else if (line.equals("BYE")) {
      bye = true;                                          // the server closes next: the input spec ends
    }
  }

  /* the input spec's CompletionScript: the standing input request has ended */
  private void inputEnded(Endpoint endpoint, byte[] data, int result) {
    if (result == CommErrors.kCommErrRequestCanceled) {
      print("input spec: no line within %d ms; the cancel completes: %d (%s)",
          timeoutMillis, result, CommErrors.name(result));
      outcome = Outcome.TIMED_OUT;
    } else if (bye) {
      print("input spec: the server closed the connection: %d (%s)", result, CommErrors.name(result));
      outcome = Outcome.BYE;
    } else {
      print("input spec: ended with %d (%s)", result, CommErrors.name(result));
      outcome = Outcome.FAILED;
    }
  }

  /** An asynchronous Output whose CompletionScript reports any failure, with what it had sent. */
  private void output(byte[] data) {
    String what = data.length > 64 ? "of " + data.length + " bytes" : "\"" + new String(data, StandardCharsets.US_ASCII).strip() + "\"";
    CompletionScript done = (endpoint, sent, result) -> {
      if (result != 0) {
        print("Output %s: %d (%s), %d of %d bytes sent", what, result, CommErrors.name(result),
            sent == null ? 0 : sent.length, data.length);
        if (outcome == null && result != CommErrors.kCommErrRequestCanceled) {
          outcome = Outcome.FAILED;
        }
      }
    };
    ep.Output(data, CallbackSpec.async(done));
  }

  private void unbind() {
    if (ep.State() != EndpointState.UNBOUND) {
      ep.UnBind(null);
    }
  }

  private void print(String format, Object... args) {
    out.printf("[t=%5d ms] %s%n", user.GetTickCount() - startTick, String.format(format, args));
  }
}
