package org.wsemu.samples.demos;

import static org.wsemu.user.WinDef.NULL;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.endpoint.CallbackSpec;
import org.wsemu.endpoint.CommErrors;
import org.wsemu.endpoint.CompletionScript;
import org.wsemu.endpoint.Endpoint;
import org.wsemu.endpoint.InputSpec;
import org.wsemu.sim.Peers;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code endpoint-cancel-order}: a program written the Newton way, with an {@link Endpoint}, connects
 * to a server that accepts and never reads, makes three asynchronous Outputs (a greeting, 64 KiB the
 * connection's buffers cannot take, a last line), then an asynchronous Input of 10 bytes with a
 * time-out of 1000 ms. Nothing comes; the time-out cancels, in the Endpoint Interface's order: the
 * two pending Outputs complete with -16005 in the order they were made, then the Input, the request
 * that timed out, completes with -16005 and ends the cancellation.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class EndpointCancelOrder {
  static final String NAME = "endpoint-cancel-order";
  static final int PORT = 5002;
  static final int BIG = 64 * 1024;

  private final Emulator emu;
  private final User user;
  private final PrintWriter out;
  private final List<String> completions = new ArrayList<>(); // "name result", in the order they came
  private boolean ended;                               // the Input's completion has come

  private EndpointCancelOrder(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.user = emu.user();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "A time-out cancels: pending requests complete with -16005 in the order made, then the one timed out",
        "Apple, Newton Programmer's Guide (Newton 2.0), chapter 23 Endpoint Interface, pages 23-21 to"
            + " 23-23",
        "The server accepts and never reads. The program makes three asynchronous Outputs: HELLO"
            + " (handed to the socket at once, it completes with 0), 64 KiB (the connection's buffers"
            + " take part of it, the rest waits) and QUIT (waits behind it), then an asynchronous Input"
            + " of 10 bytes with a 1000 ms time-out. At 1000 ms the time-out cancels every outstanding"
            + " request: the 64 KiB Output completes with -16005 (kCommErrRequestCanceled) and the"
            + " bytes it had handed over, then QUIT with -16005, then the Input with -16005, last,"
            + " because it is the request that timed out. The trace's NOTE EndpointCancel and"
            + " EndpointComplete events show that order, the last one with endsCancel=true.",
        (emu, network, out) -> {
          network.listen(network.defaultHost(), PORT, Peers.silent());
          EndpointCancelOrder demo = new EndpointCancelOrder(emu, out);
          emu.createTask("newton", demo::main);
          Demonstrations.startAndAwait(emu);
          int cancelled = CommErrors.kCommErrRequestCanceled;
          return demo.completions.equals(List.of("HELLO 0", "64 KiB " + cancelled, "QUIT " + cancelled,
              "Input " + cancelled));
        });
  }

  private int main() {
    Endpoint ep = Endpoint.Instantiate(emu.winsock(), user, emu.trace());
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = WinSock.AF_INET;
    sin.sin_port = WinSock.htons(PORT);
    sin.sin_addr.s_addr = WinSock.inet_addr("127.0.0.1");
    ep.Bind(null, null);                                 // synchronous requests: they wait, or throw
    ep.Connect(sin, null);
    print("connected; three asynchronous Outputs, then an Input of 10 bytes with a 1000 ms time-out");

    ep.Output(ascii("HELLO\r\n"), CallbackSpec.async(script("HELLO")));
    ep.Output(new byte[BIG], CallbackSpec.async(script("64 KiB")));
    ep.Output(ascii("QUIT\r\n"), CallbackSpec.async(script("QUIT")));
    ep.Input(InputSpec.byteCount(10), CallbackSpec.async(script("Input")).withTimeout(1000));

    MSG msg = new MSG();
    while (!ended && user.GetMessage(msg, NULL, 0, 0) != 0) { // the scripts run in here
      user.TranslateMessage(msg);
      user.DispatchMessage(msg);
    }
    ep.Disconnect(false, null);                          // nothing is pending any more
    ep.UnBind(null);
    ep.Dispose();
    print("conclusion: completions in order %s", String.join(", ", completions));
    return 0;
  }

  /** A CompletionScript that records and prints its request's result. */
  private CompletionScript script(String name) {
    return (endpoint, data, result) -> {
      completions.add(name + " " + result);
      print("%s completes: %d (%s)%s", name, result, CommErrors.name(result),
          name.equals("Input") ? ", the request that timed out, last" : ", " + (data == null ? 0 : data.length) + " bytes handed to the socket");
      if (name.equals("Input")) {
        ended = true;
      }
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "newton", format, args);
  }
}
