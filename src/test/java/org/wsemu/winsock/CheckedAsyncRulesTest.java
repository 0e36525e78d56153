package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;
import org.wsemu.user.MessageNames;
import org.wsemu.user.User;
import org.wsemu.winsock.CheckedRulesTest.Outcome;
import org.wsemu.winsock.CheckedRulesTest.WindowProgram;

/**
 * The checked mode's rules about message-driven programs, one by one: a blocking call from a
 * window procedure of a program that uses WSAAsyncSelect, a handler that takes a spurious FD_READ
 * for an error, a WSAAsyncGetXByY buffer changed before its reply, and the window procedure a
 * default blocking hook dispatches, which is not the hook. Each with the exact VIOLATION event,
 * what the calls return, and the same program unchecked: no VIOLATION, the same results (and in
 * Win16 on the simulated network the same trace, line for line).
 */
@Timeout(30)
class CheckedAsyncRulesTest {
  private static final int WM_GO = WM_USER + 5;
  private static final int WM_SOCKET = WM_USER + 1;
  private static final int WM_LOOKUP = WM_USER + 7;
  private static final String BLOCKING_RULE =
      "a program that uses WSAAsyncSelect makes no blocking call from a window procedure";
  private static final String READ_RULE =
      "an FD_READ notification does not promise data: a recv failing with WSAEWOULDBLOCK is not an error";
  private static final String LOOKUP_RULE =
      "a buffer handed to a WSAAsyncGetXByY function must not change before its reply is posted";

  /**
   * Runs the program checked and unchecked: the checked run's violations are {@code expected} of
   * it, the unchecked run has none, the results are the same.
   */
  private static Outcome verify(World world, UnaryOperator<Emulator.Builder> options, WindowProgram program,
      Function<Outcome, List<String>> expected) throws Exception {
    Outcome on = CheckedRulesTest.run(options.apply(world.builder()), true, program);
    Outcome off = CheckedRulesTest.run(options.apply(world.builder()), false, program);
    assertEquals(expected.apply(on), on.violations());
    assertEquals(List.of(), off.violations());
    assertEquals(off.results(), on.results());
    if (world == World.WIN16_SIM) {
      assertEquals(off.trace(), on.trace());
    }
    return on;
  }

  /** A window of the calling task that runs {@code onGo} for WM_GO. */
  private static int window(User user, String name, Runnable onGo) {
    return Emus.window(user, name, (h, m, w, l) -> {
      if (m == WM_GO) {
        onGo.run();
        return 0;
      }
      return user.DefWindowProc(h, m, w, l);
    });
  }

  /** Posts {@code message} to {@code hwnd} and retrieves and dispatches messages until it is dispatched. */
  private static void dispatch(User user, int hwnd, int message) {
    assertEquals(true, user.PostMessage(hwnd, message, 0, 0));
    MSG msg = new MSG();
    do {
      assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
      user.DispatchMessage(msg);
    } while (msg.hwnd != hwnd || msg.message != message);
  }

  /**
   * A recv on the blocking socket {@code s}, which has no data: it waits; a blocking hook cancels
   * it at once, so that it ends the same way in every world ("s ret error").
   */
  private static String waitingRecv(WinsockApi ws, int s) {
    ws.WSASetBlockingHook(() -> {
      ws.WSACancelBlockingCall();
      return false;
    });
    int r = ws.recv(s, new byte[4], 4, 0);
    String result = s + " " + r + " " + ws.WSAGetLastError();
    assertEquals(0, ws.WSAUnhookBlockingHook());
    return result;
  }

  private static void closeAll(WinsockApi ws, int... sockets) {
    for (int s : sockets) {
      assertEquals(0, ws.closesocket(s));
    }
  }

  // ---- blocking-in-async-program ----

  @World.AllWorlds
  void aBlockingRecvInAWindowProcedureOfATaskThatUsesAsyncSelect(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(), (ws, user, results) -> {
      startup(ws);
      int[] p = pair(ws);
      int hwnd = window(user, "Blocking", () -> results.add("in the window procedure " + waitingRecv(ws, p[1])));
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(p[2], hwnd, WM_SOCKET, FD_ACCEPT));
      dispatch(user, hwnd, WM_GO);
      closeAll(ws, p);
      ws.WSACleanup();
    }, out -> List.of("blocking-in-async-program function=recv s=" + out.results().get(1).split(" ")[4]
        + " msg=" + MessageNames.of(WM_GO) + " rule=" + BLOCKING_RULE));
    assertEquals("WSAAsyncSelect 0", on.results().get(0));
    assertEquals(List.of("-1", "" + WSAEINTR), List.of(on.results().get(1).split(" ")).subList(5, 7));
  }

  @World.AllWorlds
  void noViolationOutsideAWindowProcedureOrWithoutALiveRegistration(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(), (ws, user, results) -> {
      startup(ws);
      int[] unregistered = pair(ws);
      int[] inTheBody = pair(ws);
      int[] unregisteredAgain = pair(ws);
      int[] current = new int[1];
      int hwnd = window(user, "NotBlocking", () -> results.add("window procedure " + waitingRecv(ws, current[0])));
      current[0] = unregistered[1];
      dispatch(user, hwnd, WM_GO); // a task without WSAAsyncSelect
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(inTheBody[2], hwnd, WM_SOCKET, FD_ACCEPT));
      results.add("task body " + waitingRecv(ws, inTheBody[1])); // registered, but not in a window procedure
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(inTheBody[2], hwnd, 0, 0)); // cancelled
      current[0] = unregisteredAgain[1];
      dispatch(user, hwnd, WM_GO);
      closeAll(ws, unregistered);
      closeAll(ws, inTheBody);
      closeAll(ws, unregisteredAgain);
      ws.WSACleanup();
    }, out -> List.of());
    for (int i : new int[] {0, 2, 4}) {
      List<String> words = List.of(on.results().get(i).split(" "));
      assertEquals(List.of("-1", "" + WSAEINTR), words.subList(words.size() - 2, words.size()), on.results().get(i));
    }
    assertEquals(List.of("WSAAsyncSelect 0", "WSAAsyncSelect 0"), List.of(on.results().get(1), on.results().get(3)));
  }

  @World.AllWorlds
  void noViolationForCallsInAWindowProcedureThatDoNotWait(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(), (ws, user, results) -> {
      startup(ws);
      int[] p = pair(ws);
      int hwnd = window(user, "Immediate", () -> {
        results.add("data waiting " + ws.recv(p[1], new byte[4], 4, 0));
        results.add("non-blocking " + ws.recv(p[0], new byte[4], 4, 0) + " " + ws.WSAGetLastError());
      });
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(p[2], hwnd, WM_SOCKET, FD_ACCEPT));
      results.add("FIONBIO " + ws.ioctlsocket(p[0], FIONBIO, new IntRef(1)));
      results.add("send " + ws.send(p[0], ascii("ab"), 2, 0));
      awaitReadable(ws, p[1]);
      dispatch(user, hwnd, WM_GO);
      closeAll(ws, p);
      ws.WSACleanup();
    }, out -> List.of());
    assertEquals(List.of("WSAAsyncSelect 0", "FIONBIO 0", "send 2", "data waiting 2", "non-blocking -1 " + WSAEWOULDBLOCK),
        on.results());
  }

  // ---- recv-assumes-data ----

  /** What an FD_READ handler does when its recv fails: given the socket, records what it did. */
  @FunctionalInterface
  private interface OnFailedRecv {
    String react(WinsockApi ws, int s);
  }

  /**
   * A program whose FD_READ notification for its one byte is already stale when it is dispatched:
   * the task body read the byte after the notification was posted; the handler's recv then fails
   * with WSAEWOULDBLOCK and it does {@code onFailure}. Results: the socket, then the rest.
   */
  private static WindowProgram staleReadNotification(OnFailedRecv onFailure) {
    return (ws, user, results) -> {
      startup(ws);
      int[] p = pair(ws);
      results.add("" + p[1]);
      int hwnd = Emus.window(user, "Reader", (h, m, w, l) -> {
        if (m == WM_SOCKET && WSAGETSELECTEVENT(l) == FD_READ) {
          int r = ws.recv(w, new byte[8], 8, 0);
          results.add("handler recv " + r + " " + ws.WSAGetLastError());
          if (r == SOCKET_ERROR) {
            results.add(onFailure.react(ws, w));
          }
          return 0;
        }
        return user.DefWindowProc(h, m, w, l);
      });
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(p[1], hwnd, WM_SOCKET, FD_READ));
      results.add("send " + ws.send(p[0], ascii("x"), 1, 0));
      MSG msg = new MSG();
      do {
        assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
      } while (msg.message != WM_SOCKET);
      results.add("notification " + (msg.wParam == p[1]) + " " + WinsockNames.networkEvents(WSAGETSELECTEVENT(msg.lParam)));
      results.add("task body recv " + ws.recv(p[1], new byte[8], 8, 0));
      user.DispatchMessage(msg);
      results.add("closesocket after the dispatch " + ws.closesocket(p[1]) + " " + ws.WSAGetLastError());
      closeAll(ws, p[0], p[2]);
      ws.WSACleanup();
    };
  }

  private static List<String> staleReadResults(String reaction, String lastClose) {
    return List.of("WSAAsyncSelect 0", "send 1", "notification true FD_READ", "task body recv 1",
        "handler recv -1 " + WSAEWOULDBLOCK, reaction, "closesocket after the dispatch " + lastClose);
  }

  @World.AllWorlds
  void aHandlerThatClosesTheSocketWhenItsRecvWouldBlock(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(),
        staleReadNotification((ws, s) -> "closesocket " + ws.closesocket(s)),
        out -> List.of("recv-assumes-data function=closesocket s=" + out.results().get(0) + " rule=" + READ_RULE));
    assertEquals(staleReadResults("closesocket 0", "-1 " + WSAENOTSOCK), on.results().subList(1, on.results().size()));
  }

  @World.AllWorlds
  void aHandlerThatShutsTheSocketDownWhenItsRecvWouldBlock(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(),
        staleReadNotification((ws, s) -> "shutdown " + ws.shutdown(s, 2)),
        out -> List.of("recv-assumes-data function=shutdown s=" + out.results().get(0) + " rule=" + READ_RULE));
    assertEquals(staleReadResults("shutdown 0", "0 " + WSAEWOULDBLOCK), on.results().subList(1, on.results().size()));
  }

  @World.AllWorlds
  void aHandlerThatReturnsWhenItsRecvWouldBlockAndClosesLater(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(),
        staleReadNotification((ws, s) -> "returns, error " + ws.WSAGetLastError()), out -> List.of());
    assertEquals(staleReadResults("returns, error " + WSAEWOULDBLOCK, "0 " + WSAEWOULDBLOCK),
        on.results().subList(1, on.results().size()));
  }

  /** A recv that would block and a close in a window procedure handling another message: not the rule. */
  @World.AllWorlds
  void aCloseAfterAFailedRecvOutsideAnFdReadNotification(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(), (ws, user, results) -> {
      startup(ws);
      int[] p = pair(ws);
      int hwnd = window(user, "Other", () -> {
        results.add("recv " + ws.recv(p[1], new byte[8], 8, 0) + " " + ws.WSAGetLastError());
        results.add("closesocket " + ws.closesocket(p[1]));
      });
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(p[1], hwnd, WM_SOCKET, FD_READ));
      dispatch(user, hwnd, WM_GO);
      closeAll(ws, p[0], p[2]);
      ws.WSACleanup();
    }, out -> List.of());
    assertEquals(List.of("WSAAsyncSelect 0", "recv -1 " + WSAEWOULDBLOCK, "closesocket 0"), on.results());
  }

  // ---- buffer-modified (WSAAsyncGetXByY) ----

  /**
   * WSAAsyncGetHostByName("localhost") into a buffer, which is changed after the call if
   * {@code change}; then the request is cancelled if {@code cancel}; then the task waits for the
   * reply (or, cancelled, past the lookup's latency). Results: the handle, then the rest.
   */
  private static WindowProgram lookup(boolean change, boolean cancel) {
    return (ws, user, results) -> {
      startup(ws);
      int hwnd = Emus.window(user, "Lookup", (h, m, w, l) -> user.DefWindowProc(h, m, w, l));
      byte[] buf = new byte[MAXGETHOSTSTRUCT];
      int handle = ws.WSAAsyncGetHostByName(hwnd, WM_LOOKUP, "localhost", buf, buf.length);
      results.add("" + handle);
      if (change) {
        buf[MAXGETHOSTSTRUCT - 1] = 1;
      }
      MSG msg = new MSG();
      if (cancel) {
        results.add("cancel " + ws.WSACancelAsyncRequest(handle));
        assertEquals(1, user.SetTimer(hwnd, 1, 300, null));
        do {
          assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
          assertTrue(msg.message != WM_LOOKUP, "no reply after a cancel");
        } while (msg.message != org.wsemu.user.WinUser.WM_TIMER);
        user.KillTimer(hwnd, 1);
      } else {
        do {
          assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT");
        } while (msg.message != WM_LOOKUP);
        results.add("reply " + (msg.wParam == handle) + " " + WSAGETASYNCERROR(msg.lParam) + " "
            + WSAGETASYNCBUFLEN(msg.lParam) + " " + Arrays.hashCode(buf));
      }
      ws.WSACleanup();
    };
  }

  private static final UnaryOperator<Emulator.Builder> LATENCY = b -> b.lookupLatency(Duration.ofMillis(100));

  /** In Win16 the lookup completes only when the task waits for its reply: after the change, always. */
  @World.Win16Worlds
  void aLookupBufferChangedBeforeTheReply(World world) throws Exception {
    Outcome on = verify(world, LATENCY, lookup(true, false), out -> List.of(
        "buffer-modified function=WSAAsyncGetHostByName handle=" + out.results().get(0) + " rule=" + LOOKUP_RULE));
    assertEquals("reply true 0", on.results().get(1).substring(0, "reply true 0".length()));
  }

  @World.AllWorlds
  void aLookupBufferLeftAloneUntilTheReply(World world) throws Exception {
    Outcome on = verify(world, LATENCY, lookup(false, false), out -> List.of());
    assertEquals("reply true 0", on.results().get(1).substring(0, "reply true 0".length()));
  }

  /** Cancelled before it completes (Win16: the lookup cannot complete before the task waits): no check. */
  @World.Win16Worlds
  void aCancelledLookupsBufferIsNotChecked(World world) throws Exception {
    Outcome on = verify(world, LATENCY, lookup(true, true), out -> List.of());
    assertEquals("cancel 0", on.results().get(1));
  }

  // ---- the window procedure a default blocking hook dispatches is not the hook ----

  /**
   * The default hook dispatches a message during a blocking recv; its window procedure's Winsock
   * calls meet WSAEINPROGRESS (it may cancel the call), and neither hook-calls-winsock (only the
   * hook's own code counts) nor blocking-in-async-program (the calls do not wait) is reported,
   * although the task uses WSAAsyncSelect.
   */
  @World.Win16Worlds
  void aWindowProcedureTheDefaultHookDispatchedIsNotTheHook(World world) throws Exception {
    Outcome on = verify(world, UnaryOperator.identity(), (ws, user, results) -> {
      startup(ws);
      int[] p = pair(ws);
      int hwnd = window(user, "Dispatched", () -> {
        results.add("WSAIsBlocking " + ws.WSAIsBlocking());
        results.add("socket " + ws.socket(AF_INET, SOCK_STREAM, 0) + " " + ws.WSAGetLastError());
        results.add("recv " + ws.recv(p[0], new byte[4], 4, 0) + " " + ws.WSAGetLastError());
        results.add("cancel " + ws.WSACancelBlockingCall());
      });
      results.add("WSAAsyncSelect " + ws.WSAAsyncSelect(p[2], hwnd, WM_SOCKET, FD_ACCEPT));
      assertEquals(true, user.PostMessage(hwnd, WM_GO, 0, 0));
      results.add("blocking recv " + ws.recv(p[1], new byte[4], 4, 0) + " " + ws.WSAGetLastError());
      closeAll(ws, p);
      ws.WSACleanup();
    }, out -> List.of());
    assertEquals(List.of("WSAAsyncSelect 0", "WSAIsBlocking true", "socket -1 " + WSAEINPROGRESS,
        "recv -1 " + WSAEINPROGRESS, "cancel 0", "blocking recv -1 " + WSAEINTR), on.results());
  }
}
