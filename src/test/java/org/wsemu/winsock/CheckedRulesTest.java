package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.User;

/**
 * The checked mode's Winsock rules, one by one: the exact VIOLATION event each program gets, what
 * the calls still return, and that the same program unchecked gets no VIOLATION and otherwise the
 * same trace.
 */
@Timeout(30)
class CheckedRulesTest {
  private static final String HOOK_RULE = "a blocking hook may call no Windows Sockets function but WSACancelBlockingCall";
  private static final String UNBALANCED = "every successful WSAStartup needs one WSACleanup, and no more";

  /** What one run of a program gave: its VIOLATION events (name and fields) and its recorded results. */
  record Outcome(List<String> violations, List<String> results, List<String> trace) {}

  /** Runs {@code body} as task "main" with checked mode {@code checked}. */
  static Outcome run(World world, boolean checked, Program body) throws Exception {
    return run(world.builder(), checked, (ws, user, results) -> body.run(ws, results));
  }

  /** Runs {@code body}, which may use USER, as task "main" of an emulator of {@code builder} (a fresh one), checked or not. */
  static Outcome run(Emulator.Builder builder, boolean checked, WindowProgram body) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<String> results = new ArrayList<>();
    Emus.run(builder.checked(checked).traceSink(trace), (emu, ws, user) -> {
      body.run(ws, user, results);
      return 0;
    });
    List<String> violations = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (TraceEvent e : trace.events()) {
      String line = TraceFormat.line(e);
      String bare = line.substring(line.indexOf(' ', line.indexOf(' ') + 1) + 1); // no seq, no time
      if (e.kind() == TraceKind.VIOLATION) {
        assertEquals(true, e.task().endsWith(":main"), "on the violating task: " + line);
        violations.add(bare.substring(bare.indexOf("VIOLATION ") + "VIOLATION ".length()));
      } else if (!(e.kind() == TraceKind.NOTE && e.name().equals("violations"))) {
        lines.add(bare);
      }
    }
    return new Outcome(violations, results, lines);
  }

  /** A program: its Winsock calls, recording what they return. */
  interface Program {
    void run(WinsockApi ws, List<String> results) throws Exception;
  }

  /** A program with windows: its Winsock and USER calls, recording what they return. */
  interface WindowProgram {
    void run(WinsockApi ws, User user, List<String> results) throws Exception;
  }

  /**
   * Runs the program checked and unchecked: the violations are {@code expected}, the results the
   * same, and unchecked there is no VIOLATION (in Win16 on the simulated network, deterministic,
   * the rest of the trace is the same line for line).
   */
  static Outcome check(World world, Program program, String... expected) throws Exception {
    return check(world, UnaryOperator.identity(), (ws, user, results) -> program.run(ws, results), expected);
  }

  /**
   * As {@link #check(World, Program, String...)}, for a program with windows, on emulators of the
   * world with {@code options}.
   */
  static Outcome check(World world, UnaryOperator<Emulator.Builder> options, WindowProgram program, String... expected)
      throws Exception {
    Outcome on = run(options.apply(world.builder()), true, program);
    Outcome off = run(options.apply(world.builder()), false, program);
    assertEquals(List.of(expected), on.violations());
    assertEquals(List.of(), off.violations());
    assertEquals(off.results(), on.results());
    if (world == World.WIN16_SIM) {
      assertEquals(off.trace(), on.trace());
    }
    return on;
  }

  @World.AllWorlds
  void aHookCallingWinsockIsAViolationButTheCancelAndTheQueriesAreNot(World world) throws Exception {
    Outcome on = check(world, (ws, results) -> {
      startup(ws);
      int[] p = pair(ws);
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add("WSAIsBlocking " + ws.WSAIsBlocking() + " " + ws.WSAGetLastError());
          results.add("select " + ws.select(0, set(p[1]), null, null, new timeval(0, 0)) + " " + ws.WSAGetLastError());
          results.add("cancel " + ws.WSACancelBlockingCall());
        }
        return false;
      });
      results.add("recv " + ws.recv(p[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      for (int s : p) {
        ws.closesocket(s);
      }
      ws.WSACleanup();
    }, "hook-calls-winsock function=select rule=" + HOOK_RULE);
    assertEquals(List.of("WSAIsBlocking true 0", "select -1 " + WSAEINPROGRESS, "cancel 0", "recv -1 " + WSAEINTR),
        on.results());
  }

  @World.AllWorlds
  void cleanupInAHookIsItsOwnViolation(World world) throws Exception {
    Outcome on = check(world, (ws, results) -> {
      startup(ws);
      int[] p = pair(ws);
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add("WSACleanup " + ws.WSACleanup() + " " + ws.WSAGetLastError());
          ws.WSACancelBlockingCall();
        }
        return false;
      });
      results.add("recv " + ws.recv(p[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      for (int s : p) {
        ws.closesocket(s);
      }
      ws.WSACleanup();
    }, "cleanup-in-hook function=WSACleanup rule=a blocking hook must not call WSACleanup; cancel the call, then clean up after it returns");
    assertEquals(List.of("WSACleanup -1 " + WSAEINPROGRESS, "recv -1 " + WSAEINTR), on.results());
  }

  @World.AllWorlds
  void aSecondStartupAskingAnotherVersion(World world) throws Exception {
    Outcome on = check(world, (ws, results) -> {
      WSADATA data = new WSADATA();
      results.add("" + ws.WSAStartup(0x0101, data));
      results.add("" + ws.WSAStartup(0x0101, data)); // the same version: fine
      results.add("" + ws.WSAStartup(0x0001, data));
      results.add(Integer.toHexString(data.wVersion));
      for (int i = 0; i < 3; i++) {
        results.add("" + ws.WSACleanup());
      }
    }, "startup-version-changed function=WSAStartup requested=0x0001 first=0x0101 rule="
        + "every WSAStartup of a task must ask for the version its first one asked for");
    assertEquals(List.of("0", "0", "0", "1", "0", "0", "0"), on.results());
  }

  @World.AllWorlds
  void oneCleanupTooMany(World world) throws Exception {
    Outcome on = check(world, (ws, results) -> {
      startup(ws);
      results.add(ws.WSACleanup() + " " + ws.WSACleanup() + " " + ws.WSAGetLastError());
    }, "startup-unbalanced function=WSACleanup startups=0 rule=" + UNBALANCED);
    assertEquals(List.of("0 -1 " + WSANOTINITIALISED), on.results());
  }

  @World.Win16Worlds
  void aWin16TaskEndingWithoutItsCleanups(World world) throws Exception {
    check(world, (ws, results) -> {
      startup(ws);
      startup(ws);
      results.add("" + ws.WSACleanup());
    }, "startup-unbalanced function=- startups=1 rule=" + UNBALANCED);
  }

  @World.AllWorlds
  void socketsLeftOpenAtTheLastCleanup(World world) throws Exception {
    Program program = (ws, results) -> {
      startup(ws);
      startup(ws);
      int a = ws.socket(AF_INET, SOCK_STREAM, 0);
      int b = ws.socket(AF_INET, SOCK_DGRAM, 0);
      int c = ws.socket(AF_INET, SOCK_STREAM, 0);
      results.add(a + "," + c);
      results.add("" + ws.closesocket(b));
      results.add("" + ws.WSACleanup()); // not the last: closes nothing
      results.add("" + ws.WSACleanup());
    };
    Outcome on = run(world, true, program);
    Outcome off = run(world, false, program);
    assertEquals(List.of("sockets-left-open function=WSACleanup sockets=" + on.results().get(0)
        + " rule=a program closes its sockets before its last WSACleanup"), on.violations());
    assertEquals(List.of("0", "0", "0"), on.results().subList(1, 4));
    assertEquals(List.of(), off.violations());
    if (world == World.WIN16_SIM) {
      assertEquals(off.trace(), on.trace());
      assertEquals(off.results(), on.results());
    }
  }

  @World.AllWorlds
  void aCleanProgramHasNoViolation(World world) throws Exception {
    check(world, (ws, results) -> {
      startup(ws);
      startup(ws);
      int[] p = pair(ws);
      results.add(ws.send(p[0], ascii("hi"), 2, 0) + " " + recvAscii(ws, p[1]));
      for (int s : p) {
        results.add("" + ws.closesocket(s));
      }
      results.add(ws.WSACleanup() + " " + ws.WSACleanup());
    });
  }

  private static final String CANCEL_RULE = "after a cancelled operation the only call a program may rely on is closesocket";

  @World.AllWorlds
  void aSocketWhoseBlockingCallWasCancelledAllowsOnlyClosesocket(World world) throws Exception {
    Program program = (ws, results) -> {
      startup(ws);
      int[] p = pair(ws);
      results.add(p[0] + " " + p[1] + " " + p[2]);
      ws.WSASetBlockingHook(() -> {
        ws.WSACancelBlockingCall();
        return false;
      });
      results.add("recv " + ws.recv(p[1], new byte[1], 1, 0) + " " + ws.WSAGetLastError());
      results.add("accept " + ws.accept(p[2], null, null) + " " + ws.WSAGetLastError());
      IntRef n = new IntRef(-1);
      results.add("FIONREAD " + ws.ioctlsocket(p[1], FIONREAD, n) + " " + ws.WSAGetLastError());
      results.add("listener " + ws.getsockname(p[2], new sockaddr_in(), new IntRef(sockaddr_in.SIZE)));
      results.add("other " + ws.ioctlsocket(p[0], FIONREAD, n));
      for (int s : p) {
        results.add("closesocket " + ws.closesocket(s));
      }
      ws.WSACleanup();
    };
    Outcome on = run(world, true, program);
    Outcome off = run(world, false, program);
    String[] handles = on.results().get(0).split(" ");
    assertEquals(List.of("use-after-cancel function=ioctlsocket s=" + handles[1] + " rule=" + CANCEL_RULE), on.violations());
    assertEquals(List.of(), off.violations());
    assertEquals(off.results().subList(1, off.results().size()), on.results().subList(1, on.results().size()));
    assertEquals(List.of("recv -1 " + WSAEINTR, "accept -1 " + WSAEINTR, "FIONREAD 0 " + WSAEINTR, "listener 0",
        "other 0", "closesocket 0", "closesocket 0", "closesocket 0"), on.results().subList(1, on.results().size()));
    if (world == World.WIN16_SIM) {
      assertEquals(off.trace(), on.trace());
    }
  }

  @World.AllWorlds
  void aSocketWhoseOverlappedOperationsWereCancelledAllowsOnlyClosesocket(World world) throws Exception {
    Program program = (ws, results) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      results.add("" + p[1]);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      results.add("WSARecv " + OverlappedTransferTest.recv(ws, p[1], new byte[8], new IntRef(-1), ov)
          + " " + ws.WSAGetLastError());
      results.add("CancelIo " + ws.CancelIo(p[1]));
      results.add("result " + ws.WSAGetOverlappedResult(p[1], ov, new IntRef(-1), true, new IntRef(-1)));
      results.add("getsockopt " + ws.getsockopt(p[1], SOL_SOCKET, SO_RCVBUF, new IntRef(0), new IntRef(4))
          + " " + ws.WSAGetLastError());
      for (int s : p) {
        results.add("closesocket " + ws.closesocket(s));
      }
      ws.WSACleanup();
    };
    Outcome on = run(world, true, program);
    Outcome off = run(world, false, program);
    assertEquals(List.of("use-after-cancel function=getsockopt s=" + on.results().get(0) + " rule=" + CANCEL_RULE),
        on.violations());
    assertEquals(List.of(), off.violations());
    assertEquals(off.results(), on.results());
    assertEquals(List.of("WSARecv -1 " + WSA_IO_PENDING, "CancelIo true", "result false", "getsockopt -1 " + WSAECONNABORTED,
        "closesocket 0", "closesocket 0", "closesocket 0"), on.results().subList(1, on.results().size()));
    if (world == World.WIN16_SIM) {
      assertEquals(off.trace(), on.trace());
    }
  }
}
