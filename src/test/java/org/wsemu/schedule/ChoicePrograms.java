package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INADDR_LOOPBACK;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htonl;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.ntohs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Fixtures of the choice point tests: one-task programs run on a Win16 emulator on the simulated
 * network with a choice source, their golden-filtered trace, connected socket pairs, and a window
 * that logs the messages it gets with the virtual time.
 */
final class ChoicePrograms {
  private ChoicePrograms() {}

  /** What a run left: its golden-filtered trace and the program's own log. */
  record Run(String trace, List<String> log) {}

  /** Runs {@code body} as the only task of a Win16 emulator on the simulated network. */
  static Run run(ChoiceSource choices, Emus.AppBody body) throws Exception {
    return run(choices, UnaryOperator.identity(), SimulatedNetwork.builder().build(), body);
  }

  /** As {@link #run(ChoiceSource, Emus.AppBody)}, with builder settings and a network of the test's. */
  static Run run(ChoiceSource choices, UnaryOperator<Emulator.Builder> settings, SimulatedNetwork network,
      Emus.AppBody body) throws Exception {
    return runIn(World.WIN16_SIM.builder(network), choices, settings, body);
  }

  /** Runs {@code body} as the only task of an emulator built from {@code builder}. */
  static Run runIn(Emulator.Builder builder, ChoiceSource choices, UnaryOperator<Emulator.Builder> settings,
      Emus.AppBody body) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> log = new ArrayList<>();
    Emus.run(settings.apply(builder.choices(choices).traceSink(trace)), (emu, ws, user) -> {
      LOG.set(log);
      try {
        return body.run(emu, ws, user);
      } finally {
        LOG.remove();
      }
    });
    assertEquals(0, trace.dropped());
    return new Run(Goldens.render(trace.events(GoldenFilter.defaults())), List.copyOf(log));
  }

  private static final ThreadLocal<List<String>> LOG = new ThreadLocal<>();

  /** Adds a line to the running program's log, prefixed with the virtual time: {@code "t=5 what"}. */
  static void log(User user, String what) {
    LOG.get().add("t=" + user.GetTickCount() + " " + what);
  }

  /** WSAStartup(2.2), asserting success. */
  static void startup(WinsockApi ws) {
    startup(ws, 0x0202);
  }

  /** WSAStartup of {@code version} (1.1 for a blocking hook), asserting success. */
  static void startup(WinsockApi ws, int version) {
    assertEquals(0, ws.WSAStartup(version, new WSADATA()), "WSAStartup");
  }

  /** 127.0.0.1:port. */
  static sockaddr_in loopback(int port) {
    return new sockaddr_in(htons(port), htonl(INADDR_LOOPBACK));
  }

  /** A connected pair of blocking stream sockets: {client, server side}. */
  static int[] pair(WinsockApi ws) {
    int listener = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.bind(listener, loopback(0), sockaddr_in.SIZE), "bind");
    assertEquals(0, ws.listen(listener, 5), "listen");
    sockaddr_in name = new sockaddr_in();
    assertEquals(0, ws.getsockname(listener, name, new IntRef(sockaddr_in.SIZE)), "getsockname");
    int client = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.connect(client, loopback(ntohs(name.sin_port)), sockaddr_in.SIZE), "connect");
    int server = ws.accept(listener, null, null);
    assertTrue(server != INVALID_SOCKET, "accept");
    assertEquals(0, ws.closesocket(listener), "closesocket");
    return new int[] {client, server};
  }

  /**
   * A window of the calling task that logs each WM_TIMER and WM_USER message it gets as
   * {@code "t=T 0xMSG wParam lParam"}.
   */
  static int loggingWindow(User user) {
    return Emus.window(user, "logging", (hWnd, msg, wParam, lParam) -> {
      if (msg == WinUser.WM_TIMER || msg >= WinUser.WM_USER) {
        log(user, "0x" + Integer.toHexString(msg) + " " + wParam + " " + lParam);
      }
      return user.DefWindowProc(hWnd, msg, wParam, lParam);
    });
  }

  /** Dispatches messages until the log has {@code lines} lines. */
  static void pumpUntil(User user, int lines) {
    MSG msg = new MSG();
    while (LOG.get().size() < lines) {
      assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "no WM_QUIT expected");
      user.DispatchMessage(msg);
    }
  }
}
