package org.wsemu.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.schedule.ChoicePrograms.loopback;
import static org.wsemu.schedule.ChoicePrograms.pair;
import static org.wsemu.schedule.ChoicePrograms.startup;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_SET;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock2.INFINITE;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.internal.GuardedBy;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSAOVERLAPPED;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.fd_set;
import org.wsemu.winsock.sockaddr_in;
import org.wsemu.winsock.timeval;

/**
 * All the choices drawn from one seeded source: a program that meets every choice point, run with
 * a random source, gives the same trace and the same choices twice from the same seed.
 */
@Timeout(60)
class RecordedChoicesReplayTest {
  private static final int WM_SOCKET = WinUser.WM_USER + 1;
  private static final int WM_REPLY = WinUser.WM_USER + 2;

  /** Answers at random from a seed, and records each choice as {@code "POINT/options=answer"}. */
  private static final class RandomChoices implements ChoiceSource {
    @GuardedBy("this") private final SplittableRandom random;
    @GuardedBy("this") private final List<String> made = new ArrayList<>();

    RandomChoices(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized int choose(ChoicePoint point, int options) {
      int answer = random.nextInt(options);
      made.add(point + "/" + options + "=" + answer);
      return answer;
    }

    synchronized List<String> made() {
      return List.copyOf(made);
    }

    synchronized Set<ChoicePoint> points() {
      Set<ChoicePoint> points = EnumSet.noneOf(ChoicePoint.class);
      made.forEach(m -> points.add(ChoicePoint.valueOf(m.substring(0, m.indexOf('/')))));
      return points;
    }
  }

  /** The golden-filtered trace of one run of the program with a random source from {@code seed}. */
  private static String run(RandomChoices choices) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    SimulatedNetwork network = SimulatedNetwork.builder().build();
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emu = World.WIN16_SIM.builder(network).choices(choices).traceSink(trace)
        .lookupLatency(Duration.ofMillis(10)).hookRepollInterval(Duration.ofMillis(10)).build()) {
      Task classic = emu.createTask("classic", () -> classic(emu.winsock(), emu.user(), log));
      Task modern = emu.createTask("modern", () -> modern(emu.winsock(), log));
      emu.start();
      assertEquals(0, Emus.join(classic));
      assertEquals(0, Emus.join(modern));
    }
    assertEquals(0, trace.dropped());
    return Goldens.render(trace.events(GoldenFilter.defaults())) + String.join("\n", log);
  }

  /** A 1.1 program: a timer, an asynchronous lookup, FD_READ, and a blocking select with a hook. */
  private static int classic(WinsockApi ws, User user, List<String> log) {
    startup(ws, 0x0101);
    boolean[] seen = new boolean[3];
    int hwnd = Emus.window(user, "classic", (hWnd, msg, wParam, lParam) -> {
      if (msg == WinUser.WM_TIMER) {
        seen[0] = true;
      } else if (msg == WM_REPLY) {
        seen[1] = true;
      } else if (msg == WM_SOCKET) {
        seen[2] = true;
      }
      if (msg == WinUser.WM_TIMER || msg >= WinUser.WM_USER) {
        log.add("t=" + user.GetTickCount() + " classic 0x" + Integer.toHexString(msg));
      }
      return user.DefWindowProc(hWnd, msg, wParam, lParam);
    });
    assertEquals(1, user.SetTimer(hwnd, 1, 30, null));
    assertTrue(ws.WSAAsyncGetHostByName(hwnd, WM_REPLY, "localhost", new byte[MAXGETHOSTSTRUCT], MAXGETHOSTSTRUCT) != 0);
    int[] p = pair(ws);
    assertEquals(0, ws.WSAAsyncSelect(p[1], hwnd, WM_SOCKET, FD_READ));
    assertEquals(1, ws.send(p[0], new byte[] {'x'}, 1, 0));
    ws.WSASetBlockingHook(() -> {
      log.add("t=" + user.GetTickCount() + " hook");
      return false;
    });
    int quiet = ws.socket(AF_INET, SOCK_DGRAM, 0);
    assertEquals(0, ws.bind(quiet, loopback(0), sockaddr_in.SIZE));
    fd_set read = new fd_set();
    FD_SET(quiet, read);
    assertEquals(0, ws.select(0, read, null, null, new timeval(0, 25_000)));
    MSG msg = new MSG();
    while (!(seen[0] && seen[1] && seen[2])) {
      assertTrue(user.GetMessage(msg, 0, 0, 0) > 0);
      user.DispatchMessage(msg);
    }
    assertEquals(true, user.KillTimer(hwnd, 1));
    return 0;
  }

  /** A 2.2 program: three overlapped receives completing together. */
  private static int modern(WinsockApi ws, List<String> log) {
    startup(ws);
    int[] p = pair(ws);
    for (int i = 0; i < 3; i++) {
      int index = i;
      byte[] buf = new byte[4];
      assertEquals(SOCKET_ERROR, ws.WSARecv(p[1], new WSABUF[] {new WSABUF(4, buf)}, 1, new IntRef(-1), new IntRef(0),
          new WSAOVERLAPPED(), (error, n, ov, flags) -> log.add("modern routine " + index + " "
              + new String(buf, 0, n, StandardCharsets.US_ASCII))));
      assertEquals(WSA_IO_PENDING, ws.WSAGetLastError());
    }
    assertEquals(12, ws.send(p[0], "abcdefghijkl".getBytes(StandardCharsets.US_ASCII), 12, 0));
    while (log.stream().filter(line -> line.startsWith("modern")).count() < 3) {
      assertEquals(WAIT_IO_COMPLETION, ws.SleepEx(INFINITE, true));
    }
    return 0;
  }

  @Test
  void theSameSeedGivesTheSameChoicesAndTheSameTrace() throws Exception {
    RandomChoices first = new RandomChoices(42);
    String trace = run(first);
    RandomChoices second = new RandomChoices(42);
    assertEquals(trace, run(second));
    assertEquals(first.made(), second.made());
    assertEquals(EnumSet.allOf(ChoicePoint.class), first.points(), "the program meets every choice point");
  }

  @Test
  void anotherSeedMakesOtherChoices() throws Exception {
    RandomChoices first = new RandomChoices(42);
    String trace = run(first);
    RandomChoices other = new RandomChoices(43);
    assertNotEquals(trace, run(other));
    assertNotEquals(first.made(), other.made());
  }
}
