package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.PM_REMOVE;
import static org.wsemu.winsock.WinSock.INADDR_LOOPBACK;
import static org.wsemu.winsock.WinSock.htonl;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.ntohs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.wsemu.Emulator;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Fixtures for the endpoint tests: one task with a connected pair of endpoints (a server endpoint
 * that listened and accepted, a client endpoint that connected), a log of completions in the order
 * they ran, and a message pump for the task.
 */
final class EndpointTestSupport {
  private EndpointTestSupport() {}

  /** What a test body gets: the emulator's APIs and a connected pair made on the task. */
  static final class Stage {
    final Emulator emu;
    final WinsockApi ws;
    final User user;
    final Endpoint client;
    final Endpoint server;
    final Log log;

    Stage(Emulator emu, Endpoint client, Endpoint server) {
      this.emu = emu;
      this.ws = emu.winsock();
      this.user = emu.user();
      this.client = client;
      this.server = server;
      this.log = new Log(emu.user());
    }

    /** Milliseconds since the stage was made (virtual in WIN16_SIM). */
    int now() {
      return log.now();
    }
  }

  /** A test body on a stage. */
  @FunctionalInterface
  interface StageBody {
    void run(Stage stage) throws Exception;
  }

  /** Runs {@code body} on a connected pair in one task of a fresh emulator of {@code world}; disposes both at the end. */
  static void onPair(World world, StageBody body) throws Exception {
    onPair(world.builder(), world.virtualTime(), body);
  }

  /**
   * As {@link #onPair(World, StageBody)}, on an emulator built from {@code builder}; with
   * {@code timed} the log stamps each entry with the time since the pair was connected.
   */
  static void onPair(Emulator.Builder builder, boolean timed, StageBody body) throws Exception {
    Emus.run(builder, (emu, ws, user) -> {
      Endpoint server = Endpoint.Instantiate(ws, user, emu.trace());
      Endpoint client = Endpoint.Instantiate(ws, user, emu.trace());
      connect(user, server, client);
      Stage stage = new Stage(emu, client, server);
      stage.log.timed = timed;
      try {
        body.run(stage);
      } finally {
        client.Dispose();
        server.Dispose();
      }
      return 0;
    });
  }

  /** Server: Bind to loopback and Listen (asynchronously); client: Bind, Connect; server: Accept. */
  static void connect(User user, Endpoint server, Endpoint client) {
    server.Bind(loopback(0), null);
    int port = ntohs(server.LocalAddress().sin_port);
    int[] listened = {1};
    server.Listen(CallbackSpec.async((ep, data, result) -> listened[0] = result));
    client.Bind(null, null);
    client.Connect(loopback(port), null);
    pumpUntil(user, () -> listened[0] != 1);
    assertEquals(0, listened[0], "Listen");
    server.Accept(null);
    assertEquals(EndpointState.CONNECTED, server.State());
    assertEquals(EndpointState.CONNECTED, client.State());
  }

  /** 127.0.0.1:port. */
  static sockaddr_in loopback(int port) {
    return new sockaddr_in(htons(port), htonl(INADDR_LOOPBACK));
  }

  /** Dispatches the task's messages (waiting with WaitMessage) until {@code done}. */
  static void pumpUntil(User user, BooleanSupplier done) {
    MSG msg = new MSG();
    while (!done.getAsBoolean()) {
      if (user.PeekMessage(msg, NULL, 0, 0, PM_REMOVE)) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      } else if (!done.getAsBoolean() && !user.WaitMessage()) {
        throw new AssertionError("the emulator shut down");
      }
    }
  }

  /** Runs {@code action} once, {@code millis} from now, from a window-less timer of the calling task. */
  static void after(User user, int millis, Runnable action) {
    user.SetTimer(NULL, 0, millis, (hWnd, uMsg, idEvent, dwTime) -> {
      user.KillTimer(NULL, idEvent);
      action.run();
    });
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** Bytes enough that an Output stays pending while the other side does not read (the endpoint copies them). */
  static final byte[] BIG = new byte[32 << 20];

  static {
    for (int i = 0; i < BIG.length; i++) {
      BIG[i] = (byte) (i * 31 + (i >>> 11));
    }
  }

  static byte[] big() {
    return BIG;
  }

  /** Runs {@code call}, which must throw an EndpointException, and returns its code. */
  static int code(Runnable call) {
    return assertThrows(EndpointException.class, call::run).error();
  }

  /** The NOTE events of the endpoints, rendered as {@code name request result}. */
  static List<String> notes(TraceRecorder trace) {
    return trace.events(e -> e.name().startsWith("Endpoint")).stream()
        .map(e -> e.name() + " " + (e.field("request") != null ? e.field("request") : e.field("by"))
            + (e.field("result") != null ? " " + e.field("result") : "")
            + (e.field("endsCancel") != null ? " endsCancel" : ""))
        .toList();
  }

  /**
   * Completions in the order they ran: {@code "Input#3 -16005"}, optionally with the time
   * ({@code "@500"}) in the worlds where time is virtual.
   */
  static final class Log {
    private final User user;
    private final int start;
    private final List<String> entries = Collections.synchronizedList(new ArrayList<>());
    boolean timed;

    Log(User user) {
      this.user = user;
      this.start = user.GetTickCount();
    }

    int now() {
      return user.GetTickCount() - start;
    }

    void add(String entry) {
      entries.add(timed ? entry + " @" + now() : entry);
    }

    /** A CompletionScript that logs {@code "name result"}. */
    CallbackSpec async(String name) {
      return CallbackSpec.async((ep, data, result) -> add(name + " " + result));
    }

    /** A CompletionScript that logs {@code "name result"} and then runs {@code then}. */
    CallbackSpec async(String name, Runnable then) {
      return CallbackSpec.async((ep, data, result) -> {
        add(name + " " + result);
        then.run();
      });
    }

    /** Runs a synchronous request and logs how it ended: {@code "name returned"} or {@code "name threw -16005"}. */
    void sync(String name, Runnable request) {
      try {
        request.run();
        add(name + " returned");
      } catch (EndpointException e) {
        add(name + " threw " + e.error());
      }
    }

    List<String> entries() {
      synchronized (entries) {
        return List.copyOf(entries);
      }
    }

    int size() {
      return entries.size();
    }

    boolean has(String prefix) {
      synchronized (entries) {
        return entries.stream().anyMatch(e -> e.startsWith(prefix));
      }
    }
  }
}
