package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.AsyncLookupTestSupport.*;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * WSACancelAsyncRequest at each stage of a request: queued, running, completed with its reply
 * queued, reply handled; invalid handles; WSACleanup and the end of a Win16 task; the immediate
 * errors; and cancels racing completions on the real network. The stages are exact in WIN16_SIM
 * (virtual time), where the ASYNC trace shows what the resolver did and when.
 */
@Timeout(30)
class AsyncCancelTest {
  private static final String LOCALHOST = "localhost [] 2 4 [127.0.0.1]";
  private static final int LATENCY = 100;

  /** A Win16 emulator in virtual time with a lookup latency of {@link #LATENCY} ms, tracing into {@code trace}. */
  private static Emulator.Builder virtual(TraceRecorder trace) {
    return World.WIN16_SIM.builder().lookupLatency(Duration.ofMillis(LATENCY)).traceSink(trace);
  }

  /** The resolver's steps as "time step handle", times from its first step. */
  private static List<String> timeline(TraceRecorder trace) {
    List<TraceEvent> events = trace.events(e -> e.kind() == TraceKind.ASYNC);
    long start = events.get(0).time();
    return events.stream().map(e -> (e.time() - start) + " " + e.name() + " " + e.field("handle")).toList();
  }

  private static int localhost(WinsockApi ws, Replies replies, byte[] buf) {
    return ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", buf, buf.length);
  }

  private static void assertCancelFails(WinsockApi ws, int error, int handle, String what) {
    assertEquals(SOCKET_ERROR, ws.WSACancelAsyncRequest(handle), what);
    assertEquals(error, ws.WSAGetLastError(), what);
  }

  // ---- the stages, exact in virtual time ----

  @Test
  void aQueuedRequestCancelledBehindARunningOneNeverRepliesNorWritesAndGivesUpItsTurn() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<Integer> handles = new ArrayList<>();
    run(virtual(trace), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      byte[] queued = filled(64);
      int a = localhost(ws, replies, filled(64));
      int b = localhost(ws, replies, queued);
      assertEquals(0, ws.WSACancelAsyncRequest(b));
      int c = localhost(ws, replies, filled(64));
      handles.addAll(List.of(a, b, c));
      replies.idle(1000);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0), new Reply(c, LOCALHOST_SIZE, 0)), replies.got);
      assertEquals(List.of(100, 200), replies.timesSince(start), "c took b's turn");
      assertUntouched(queued);
      assertCancelFails(ws, WSAEINVAL, b, "b again");
      return 0;
    });
    int a = handles.get(0);
    int b = handles.get(1);
    int c = handles.get(2);
    assertEquals(List.of("0 queued " + a, "0 start " + a, "0 queued " + b, "0 cancel " + b, "0 queued " + c,
        "100 reply " + a, "100 start " + c, "200 reply " + c), timeline(trace));
  }

  @Test
  void aRunningRequestCancelledNeverRepliesNorWritesButHoldsTheResolverUntilItsLookupEnds() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<Integer> handles = new ArrayList<>();
    run(virtual(trace), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      byte[] running = filled(64);
      int a = localhost(ws, replies, running);
      replies.idle(50);
      assertEquals(50, user.GetTickCount() - start);
      assertEquals(0, ws.WSACancelAsyncRequest(a));
      int b = localhost(ws, replies, filled(64));
      handles.addAll(List.of(a, b));
      replies.idle(1000);
      assertEquals(List.of(new Reply(b, LOCALHOST_SIZE, 0)), replies.got);
      assertEquals(List.of(200), replies.timesSince(start));
      assertUntouched(running);
      return 0;
    });
    int a = handles.get(0);
    int b = handles.get(1);
    assertEquals(List.of("0 queued " + a, "0 start " + a, "50 cancel " + a, "50 queued " + b, "100 start " + b,
        "200 reply " + b), timeline(trace));
  }

  @World.AllWorlds
  void aCompletedRequestGivesAlreadyWhileItsReplyIsQueuedAndAfterItWasHandled(World world) throws Exception {
    int latency = world.virtualTime() ? LATENCY : 50;
    run(world.builder().lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      byte[] buf = filled(64);
      int a = localhost(ws, replies, buf);
      assertEquals(a, replies.awaitQueued().wParam);
      assertEquals(List.of(), replies.got);
      assertCancelFails(ws, WSAEALREADY, a, "reply queued");
      replies.await(1);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0)), replies.got, "the reply still arrives");
      assertEquals(LOCALHOST, render(AsyncBuffer.hostent(buf)));
      assertCancelFails(ws, WSAEALREADY, a, "reply handled");
      if (world.virtualTime()) {
        assertEquals(List.of(LATENCY), replies.timesSince(start));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void requestsThatCompletedWithAnErrorGiveAlready(World world) throws Exception {
    run(world.builder(), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int notFound = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "nosuchhost", filled(64), 64);
      int noData = ws.WSAAsyncGetServByName(replies.hwnd, WM_REPLY, "nosuch", "tcp", filled(64), 64);
      int noBufs = localhost(ws, replies, filled(8));
      replies.await(3);
      assertEquals(List.of(new Reply(notFound, 0, WSAHOST_NOT_FOUND), new Reply(noData, 0, WSANO_DATA),
          new Reply(noBufs, LOCALHOST_SIZE, WSAENOBUFS)), replies.got);
      for (int handle : new int[] {notFound, noData, noBufs}) {
        assertCancelFails(ws, WSAEALREADY, handle, "handle " + handle);
      }
      return 0;
    });
  }

  // ---- handles that mean nothing ----

  @World.AllWorlds
  void zeroAndHandlesNeverIssuedGiveInval(World world) throws Exception {
    run(world.builder(), (emu, ws, user) -> {
      startup(ws);
      for (int handle : new int[] {0, 1, 2, 0xFFFF, 0x10000, -1}) {
        assertCancelFails(ws, WSAEINVAL, handle, "before any request: " + handle);
      }
      Replies replies = new Replies(user);
      int a = localhost(ws, replies, filled(64));
      assertCancelFails(ws, WSAEINVAL, 0, "0 while a request is outstanding");
      assertCancelFails(ws, WSAEINVAL, a + 1, "the next handle, not yet issued");
      replies.await(1);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0)), replies.got, "a was not cancelled");
      assertCancelFails(ws, WSAEINVAL, 0, "0 after a completed");
      return 0;
    });
  }

  @World.AllWorlds
  void aRequestCancelledTwiceGivesInvalTheSecondTime(World world) throws Exception {
    run(world.builder().lookupLatency(Duration.ofHours(1)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] running = filled(64);
      byte[] queued = filled(64);
      int a = localhost(ws, replies, running);
      int b = localhost(ws, replies, queued);
      assertEquals(0, ws.WSACancelAsyncRequest(b), "queued");
      assertEquals(0, ws.WSACancelAsyncRequest(a), "running");
      assertCancelFails(ws, WSAEINVAL, b, "queued, again");
      assertCancelFails(ws, WSAEINVAL, a, "running, again");
      if (world.virtualTime()) { // three hours pass in no time: still no reply
        replies.idle(3 * 3_600_000);
        assertEquals(List.of(), replies.got);
        assertCancelFails(ws, WSAEINVAL, a, "running, after its lookup ended");
      }
      assertUntouched(running);
      assertUntouched(queued);
      return 0;
    });
  }

  // ---- the limit ----

  @World.AllWorlds
  void cancellingAnOutstandingRequestFreesItsPlaceUnderTheLimit(World world) throws Exception {
    run(world.builder().maxAsyncRequests(1).lookupLatency(Duration.ofHours(1)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(64);
      int a = localhost(ws, replies, buf);
      assertNoHandle(ws, WSAEWOULDBLOCK, localhost(ws, replies, buf), "at the limit");
      assertEquals(0, ws.WSACancelAsyncRequest(a));
      int b = localhost(ws, replies, buf);
      assertTrue(b > 0 && b != a, "b " + b + " after a " + a);
      assertNoHandle(ws, WSAEWOULDBLOCK, localhost(ws, replies, buf), "at the limit again");
      assertEquals(0, ws.WSACancelAsyncRequest(b));
      assertUntouched(buf);
      return 0;
    });
  }

  // ---- the end of the application ----

  @Test
  void theLastWsaCleanupCancelsEveryOutstandingRequest() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    List<Integer> handles = new ArrayList<>();
    run(virtual(trace), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      byte[] running = filled(64);
      byte[] queued = filled(64);
      int a = localhost(ws, replies, running);
      int b = localhost(ws, replies, queued);
      assertEquals(0, ws.WSACleanup());
      assertCancelFails(ws, WSANOTINITIALISED, a, "after WSACleanup");
      startup(ws);
      assertCancelFails(ws, WSAEINVAL, a, "a, cancelled by WSACleanup");
      assertCancelFails(ws, WSAEINVAL, b, "b, cancelled by WSACleanup");
      int c = localhost(ws, replies, filled(64));
      handles.addAll(List.of(a, b, c));
      replies.idle(1000);
      assertEquals(List.of(new Reply(c, LOCALHOST_SIZE, 0)), replies.got);
      assertEquals(List.of(200), replies.timesSince(start));
      assertUntouched(running);
      assertUntouched(queued);
      return 0;
    });
    int a = handles.get(0);
    int b = handles.get(1);
    int c = handles.get(2);
    assertEquals(List.of("0 queued " + a, "0 start " + a, "0 queued " + b, "0 cancel " + a, "0 cancel " + b,
        "0 queued " + c, "100 start " + c, "200 reply " + c), timeline(trace));
    assertEquals(List.of("cleanup", "cleanup"),
        trace.events(e -> e.kind() == TraceKind.ASYNC && e.name().equals("cancel")).stream()
            .map(e -> e.field("why")).toList());
  }

  @World.AllWorlds
  void aWsaCleanupThatIsNotTheLastCancelsNothing(World world) throws Exception {
    int latency = world.virtualTime() ? LATENCY : 50;
    run(world.builder().lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(64);
      int a = localhost(ws, replies, buf);
      assertEquals(0, ws.WSACleanup());
      replies.await(1);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0)), replies.got);
      assertEquals(LOCALHOST, render(AsyncBuffer.hostent(buf)));
      assertCancelFails(ws, WSAEALREADY, a, "completed");
      return 0;
    });
  }

  @Test
  void theEndOfAWin16TaskCancelsItsRequests() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    AtomicInteger theirs = new AtomicInteger();
    byte[] theirBuf = filled(64);
    HelperTasks.run(virtual(trace), (emu, ws, user, helpers) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      helpers.start("other", () -> {
        startup(ws);
        theirs.set(localhost(ws, replies, theirBuf)); // to the main task's window
        return 0; // the task ends with its request running
      }).awaitEnd();
      int mine = localhost(ws, replies, filled(64));
      replies.idle(1000);
      assertEquals(List.of(new Reply(mine, LOCALHOST_SIZE, 0)), replies.got);
      assertEquals(List.of(200), replies.timesSince(start));
      return 0;
    });
    assertUntouched(theirBuf);
    assertEquals(List.of("queued", "start", "cancel"), steps(trace, theirs.get()));
  }

  // ---- immediate errors ----

  @World.AllWorlds
  void withoutWsaStartupCancelFailsWithNotInitialised(World world) throws Exception {
    run(world.builder(), (emu, ws, user) -> {
      assertCancelFails(ws, WSANOTINITIALISED, 0, "handle 0");
      assertCancelFails(ws, WSANOTINITIALISED, 1, "handle 1");
      return 0;
    });
  }

  @World.AllWorlds
  void fromABlockingHookCancelFailsWithInProgressAndTheRequestGoesOn(World world) throws Exception {
    List<String> results = new ArrayList<>();
    int latency = world.virtualTime() ? LATENCY : 50;
    run(world.builder().lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(64);
      int a = localhost(ws, replies, buf);
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          results.add(ws.WSACancelAsyncRequest(a) + " " + ws.WSAGetLastError());
          results.add(ws.WSACancelAsyncRequest(0) + " " + ws.WSAGetLastError());
        }
        return false;
      });
      assertEquals("localhost", ws.gethostbyname("localhost").h_name);
      assertEquals(List.of(), replies.awaitHandle(a));
      assertEquals(new Reply(a, LOCALHOST_SIZE, 0), replies.last());
      assertEquals(LOCALHOST, render(AsyncBuffer.hostent(buf)));
      return 0;
    });
    assertEquals(List.of(SOCKET_ERROR + " " + WSAEINPROGRESS, SOCKET_ERROR + " " + WSAEINPROGRESS), results);
  }

  // ---- racing a completion ----

  /** Busy-waits about {@code nanos}: moves the cancel in time, synchronises nothing. */
  private static void jitter(long nanos) {
    long until = System.nanoTime() + nanos;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  @Timeout(120)
  void onTheRealNetworkACancelRacingTheCompletionEitherWinsWholeOrLosesToExactlyOneReply() throws Exception {
    run(World.WIN32_REAL.builder(), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      long delay = 0; // a staircase: later after a cancel that won, earlier after one that lost,
      for (int i = 0; i < 2000; i++) { // so that cancels keep coming about when the lookup completes
        byte[] buf = filled(64);
        int handle = localhost(ws, replies, buf);
        jitter(delay);
        int r = ws.WSACancelAsyncRequest(handle);
        delay = Math.max(0, delay + (r == 0 ? 500 : -500));
        int error = r == 0 ? 0 : ws.WSAGetLastError();
        int marker = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, filled(64), 64);
        List<Reply> before = replies.awaitHandle(marker); // the resolver is done with handle
        String at = "iteration " + i + ", cancel " + r + " " + error;
        if (r == 0) {
          assertEquals(List.of(), before, at);
          assertUntouched(buf);
        } else {
          assertEquals(SOCKET_ERROR, r, at);
          assertEquals(WSAEALREADY, error, at);
          assertEquals(List.of(new Reply(handle, LOCALHOST_SIZE, 0)), before, at);
          assertEquals(LOCALHOST, render(AsyncBuffer.hostent(buf)), at);
        }
      }
      return 0;
    });
  }
}
