package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.AsyncLookupTestSupport.*;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;

/**
 * The six WSAAsyncGetXByY functions: the reply message (wParam the handle, lParam
 * WSAMAKEASYNCREPLY(buflen, error)), the packed buffer read back with {@link AsyncBuffer} against
 * the synchronous functions' answers, failed lookups, too-small buffers, the immediate errors, the
 * handles, and the order and timing of the requests. Cancelling is in {@link AsyncCancelTest}.
 */
@Timeout(30)
class AsyncLookupTest {

  /** Starts one asynchronous lookup with the reply {@link AsyncLookupTestSupport#WM_REPLY} to {@code hwnd}. */
  @FunctionalInterface
  private interface Issue {
    int call(WinsockApi ws, int hwnd, byte[] buf, int buflen);
  }

  /**
   * One question, asked asynchronously ({@code issue}) and synchronously ({@code sync}, the
   * structure or null), and how to read the packed answer back ({@code read}).
   */
  private record Case(String name, Issue issue, Function<WinsockApi, Object> sync, Function<byte[], Object> read) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final byte[] MULTI_SECOND = {10, 1, 2, 4};

  private static Case host(String name) {
    return new Case("WSAAsyncGetHostByName " + name,
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetHostByName(hwnd, WM_REPLY, name, buf, len),
        ws -> ws.gethostbyname(name), AsyncBuffer::hostent);
  }

  private static Case hostByAddr(byte[] address) {
    return new Case("WSAAsyncGetHostByAddr " + Arrays.toString(address),
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetHostByAddr(hwnd, WM_REPLY, address.clone(), 4, AF_INET, buf, len),
        ws -> ws.gethostbyaddr(address.clone(), 4, AF_INET), AsyncBuffer::hostent);
  }

  private static Case service(String name, String proto) {
    return new Case("WSAAsyncGetServByName " + name + "/" + proto,
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetServByName(hwnd, WM_REPLY, name, proto, buf, len),
        ws -> ws.getservbyname(name, proto), AsyncBuffer::servent);
  }

  private static Case port(int port, String proto) {
    return new Case("WSAAsyncGetServByPort " + port + "/" + proto,
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetServByPort(hwnd, WM_REPLY, htons(port), proto, buf, len),
        ws -> ws.getservbyport(htons(port), proto), AsyncBuffer::servent);
  }

  private static Case protocol(String name) {
    return new Case("WSAAsyncGetProtoByName " + name,
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetProtoByName(hwnd, WM_REPLY, name, buf, len),
        ws -> ws.getprotobyname(name), AsyncBuffer::protoent);
  }

  private static Case number(int number) {
    return new Case("WSAAsyncGetProtoByNumber " + number,
        (ws, hwnd, buf, len) -> ws.WSAAsyncGetProtoByNumber(hwnd, WM_REPLY, number, buf, len),
        ws -> ws.getprotobynumber(number), AsyncBuffer::protoent);
  }

  /** Questions with an answer: at least one of each function, with aliases and several addresses. */
  private static final List<Case> FOUND = List.of(
      host("localhost"), host("Alias2"), hostByAddr(MULTI_SECOND),
      service("discard", "udp"), service("smtp", null),
      port(111, "udp"),
      protocol("udp"), number(6));

  /** Questions without an answer, and the error the synchronous function gives for each. */
  private static final List<Case> NOT_FOUND = List.of(
      host("nosuchhost"), hostByAddr(new byte[] {10, 9, 9, 9}),
      service("nosuch", "tcp"), service("tftp", "tcp"),
      port(4444, "tcp"),
      protocol("nosuch"), number(250));

  private static final List<Integer> NOT_FOUND_ERRORS = List.of(
      WSAHOST_NOT_FOUND, WSAHOST_NOT_FOUND, WSANO_DATA, WSANO_DATA, WSANO_DATA, WSANO_DATA, WSANO_DATA);

  /** One question per function, each answered. */
  private static final List<Case> ONE_EACH = List.of(
      host("localhost"), hostByAddr(MULTI_SECOND), service("echo", "tcp"), port(7, "udp"), protocol("tcp"), number(17));

  /** A builder of {@code world} whose hosts table has a host with two aliases and two addresses. */
  private static Emulator.Builder hosts(World world) {
    return world.builder().host("multi", "10.1.2.3", "alias1", "alias2").host("multi", "10.1.2.4");
  }

  private static String render(Object structure) {
    return structure instanceof hostent h ? AsyncLookupTestSupport.render(h)
        : structure instanceof servent s ? AsyncLookupTestSupport.render(s)
        : structure instanceof protoent p ? AsyncLookupTestSupport.render(p) : String.valueOf(structure);
  }

  private static int size(Object structure) {
    return structure instanceof hostent h ? AsyncLookupTestSupport.size(h)
        : structure instanceof servent s ? AsyncLookupTestSupport.size(s)
        : AsyncLookupTestSupport.size((protoent) structure);
  }

  private static void assertHandle(int handle, String what) {
    assertTrue(handle > 0 && handle <= 0xFFFF, what + ": handle " + handle);
  }

  // ---- replies and buffers ----

  @World.AllWorlds
  void eachFunctionRepliesWithItsHandleAndSizeAndPacksWhatTheSynchronousFunctionAnswers(World world) throws Exception {
    run(hosts(world), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      for (Case c : FOUND) {
        String expected = render(c.sync().apply(ws));
        int size = size(c.sync().apply(ws));
        byte[] buf = filled(MAXGETHOSTSTRUCT + 16);
        int handle = c.issue().call(ws, replies.hwnd, buf, MAXGETHOSTSTRUCT);
        assertHandle(handle, c.name());
        assertEquals(List.of(), replies.awaitHandle(handle), c + ": no other reply");
        assertEquals(new Reply(handle, size, 0), replies.last(), c.name());
        assertEquals(expected, render(c.read().apply(buf)), c.name());
        assertEquals(expected, render(c.read().apply(Arrays.copyOf(buf, size))), c + ": within the size");
        assertUntouchedFrom(buf, size);
      }
      assertEquals(FOUND.size(), replies.got.size());
      return 0;
    });
  }

  @World.AllWorlds
  void theAnswersHaveTheExpectedContents(World world) throws Exception {
    run(hosts(world), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] host = filled(MAXGETHOSTSTRUCT);
      byte[] service = filled(MAXGETHOSTSTRUCT);
      byte[] protocol = filled(MAXGETHOSTSTRUCT);
      int h = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "ALIAS1", host, host.length);
      int s = ws.WSAAsyncGetServByPort(replies.hwnd, WM_REPLY, htons(9), "udp", service, service.length);
      int p = ws.WSAAsyncGetProtoByName(replies.hwnd, WM_REPLY, "icmp", protocol, protocol.length);
      replies.await(3);
      // 16 + 12 + 12 + 8 + "multi" 6 + "alias1" 7 + "alias2" 7; 16 + 12 + "discard" 8 + "sink" 5 + "null" 5
      // + "udp" 4; 12 + 8 + "icmp" 5 + "ICMP" 5
      assertEquals(List.of(new Reply(h, 68, 0), new Reply(s, 50, 0), new Reply(p, 30, 0)), replies.got);
      assertEquals("multi [alias1, alias2] 2 4 [10.1.2.3,10.1.2.4]", AsyncLookupTestSupport.render(AsyncBuffer.hostent(host)));
      assertEquals("discard [sink, null] " + htons(9) + " udp", AsyncLookupTestSupport.render(AsyncBuffer.servent(service)));
      assertEquals("icmp [ICMP] 1", AsyncLookupTestSupport.render(AsyncBuffer.protoent(protocol)));
      return 0;
    });
  }

  @World.AllWorlds
  void aQuestionWithoutAnAnswerRepliesWithTheSynchronousErrorAndLengthZeroAndWritesNothing(World world)
      throws Exception {
    run(hosts(world), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      for (int i = 0; i < NOT_FOUND.size(); i++) {
        Case c = NOT_FOUND.get(i);
        assertEquals("null", render(c.sync().apply(ws)), c.name());
        int error = ws.WSAGetLastError();
        assertEquals(NOT_FOUND_ERRORS.get(i), error, c + ": the synchronous error");
        byte[] buf = filled(MAXGETHOSTSTRUCT);
        int handle = c.issue().call(ws, replies.hwnd, buf, buf.length);
        assertHandle(handle, c.name());
        assertEquals(List.of(), replies.awaitHandle(handle), c + ": no other reply");
        assertEquals(new Reply(handle, 0, error), replies.last(), c.name());
        assertUntouched(buf);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aBufferOneByteTooSmallGetsNoBufsWithTheExactSizeAndIsNotWritten(World world) throws Exception {
    run(hosts(world), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      for (Case c : FOUND) {
        int size = size(c.sync().apply(ws));
        byte[] buf = filled(size + 8);
        int handle = c.issue().call(ws, replies.hwnd, buf, size - 1);
        replies.awaitHandle(handle);
        assertEquals(new Reply(handle, size, WSAENOBUFS), replies.last(), c.name());
        assertUntouched(buf);

        handle = c.issue().call(ws, replies.hwnd, buf, 0);
        replies.awaitHandle(handle);
        assertEquals(new Reply(handle, size, WSAENOBUFS), replies.last(), c + ", buflen 0");
        assertUntouched(buf);

        byte[] exact = filled(size);
        String expected = render(c.sync().apply(ws));
        handle = c.issue().call(ws, replies.hwnd, exact, size);
        replies.awaitHandle(handle);
        assertEquals(new Reply(handle, size, 0), replies.last(), c + ", exactly the size");
        assertEquals(expected, render(c.read().apply(exact)), c + ", exactly the size");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aResultLargerThanTheLowWordCanSayReportsFfff(World world) throws Exception {
    String longAlias = "a".repeat(70_000);
    run(world.builder().host("big", "10.2.0.1", longAlias), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      int handle = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "big", buf, buf.length);
      replies.await(1);
      assertEquals(List.of(new Reply(handle, 0xFFFF, WSAENOBUFS)), replies.got);
      assertUntouched(buf);

      int size = 16 + 8 + 8 + 4 + 4 + 70_001;
      byte[] large = filled(size);
      handle = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "big", large, size);
      replies.await(2);
      assertEquals(new Reply(handle, 0xFFFF, 0), replies.got.get(1));
      assertEquals(render(ws.gethostbyname("big")), render(AsyncBuffer.hostent(large)));
      return 0;
    });
  }

  // ---- immediate errors ----

  @World.AllWorlds
  void withoutWsaStartupEveryFunctionFailsWithNotInitialisedBeforeCheckingItsArguments(World world) throws Exception {
    run(world.builder(), (emu, ws, user) -> {
      Replies replies = new Replies(user);
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      for (Case c : ONE_EACH) {
        assertNoHandle(ws, WSANOTINITIALISED, c.issue().call(ws, replies.hwnd, buf, buf.length), c.name());
        assertNoHandle(ws, WSANOTINITIALISED, c.issue().call(ws, replies.hwnd, null, 16), c + ", no buffer");
      }
      startup(ws);
      assertEquals(0, ws.WSACleanup());
      for (Case c : ONE_EACH) {
        assertNoHandle(ws, WSANOTINITIALISED, c.issue().call(ws, replies.hwnd, buf, buf.length), c + " after WSACleanup");
      }
      startup(ws);
      int marker = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, filled(64), 64);
      assertEquals(List.of(), replies.awaitHandle(marker), "the failed calls made no request");
      assertUntouched(buf);
      return 0;
    });
  }

  @World.AllWorlds
  void fromABlockingHookEveryFunctionFailsWithInProgress(World world) throws Exception {
    List<String> results = new ArrayList<>();
    run(world.builder().lookupLatency(Duration.ofMillis(100)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      ws.WSASetBlockingHook(() -> {
        if (results.isEmpty()) {
          for (Case c : ONE_EACH) {
            results.add(c + " " + c.issue().call(ws, replies.hwnd, buf, buf.length) + " " + ws.WSAGetLastError());
          }
        }
        return false;
      });
      assertEquals("localhost", ws.gethostbyname("localhost").h_name);
      int marker = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, filled(64), 64);
      assertEquals(List.of(), replies.awaitHandle(marker), "the failed calls made no request");
      assertUntouched(buf);
      return 0;
    });
    assertEquals(ONE_EACH.stream().map(c -> c + " 0 " + WSAEINPROGRESS).toList(), results);
  }

  @World.Win16Worlds
  void fromAWindowProcedureThatTheDefaultHookDispatchesEveryFunctionFailsWithInProgress(World world)
      throws Exception {
    List<String> results = new ArrayList<>();
    run(world.builder().lookupLatency(Duration.ofMillis(100)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      int hwnd = Emus.window(user, "asker", (hWnd, msg, wParam, lParam) -> {
        if (msg == WM_USER) {
          results.add("blocking " + ws.WSAIsBlocking());
          for (Case c : ONE_EACH) {
            results.add(c + " " + c.issue().call(ws, replies.hwnd, buf, buf.length) + " " + ws.WSAGetLastError());
          }
          return 0;
        }
        return user.DefWindowProc(hWnd, msg, wParam, lParam);
      });
      assertTrue(user.PostMessage(hwnd, WM_USER, 0, 0));
      assertEquals("localhost", ws.gethostbyname("localhost").h_name); // the default hook dispatches WM_USER
      int marker = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, filled(64), 64);
      assertEquals(List.of(), replies.awaitHandle(marker), "the failed calls made no request");
      assertUntouched(buf);
      return 0;
    });
    List<String> expected = new ArrayList<>(List.of("blocking true"));
    ONE_EACH.forEach(c -> expected.add(c + " 0 " + WSAEINPROGRESS));
    assertEquals(expected, results);
  }

  @World.AllWorlds
  void atTheLimitEveryFunctionWouldBlockAndOneMoreIsAcceptedOnceARequestCompletes(World world) throws Exception {
    int latency = world.virtualTime() ? 100 : 500;
    run(world.builder().maxAsyncRequests(2).lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      int a = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      int b = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      assertHandle(a, "a");
      assertHandle(b, "b");
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      for (Case c : ONE_EACH) {
        assertNoHandle(ws, WSAEWOULDBLOCK, c.issue().call(ws, replies.hwnd, buf, buf.length), c.name());
      }
      assertEquals(List.of(), replies.awaitHandle(a));
      int c = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      assertHandle(c, "c, once a completed");
      assertNoHandle(ws, WSAEWOULDBLOCK, ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", buf, 64), "d");
      replies.await(3);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0), new Reply(b, LOCALHOST_SIZE, 0),
          new Reply(c, LOCALHOST_SIZE, 0)), replies.got);
      if (world.virtualTime()) {
        assertEquals(List.of(100, 200, 300), replies.timesSince(start));
      }
      assertUntouched(buf);
      return 0;
    });
  }

  @World.AllWorlds
  void byDefaultThreeThousandRequestsMayBeOutstandingAndEachIsAnsweredExactlyOnce(World world) throws Exception {
    int count = 3000;
    run(world.builder().lookupLatency(Duration.ofMillis(1)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      String tcp = AsyncLookupTestSupport.render(ws.getprotobynumber(6));
      int size = AsyncLookupTestSupport.size(ws.getprotobynumber(6));
      int start = user.GetTickCount();
      List<Integer> handles = new ArrayList<>();
      List<byte[]> buffers = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        byte[] buf = filled(64);
        int handle = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, buf, buf.length);
        assertHandle(handle, "request " + i + " (error " + ws.WSAGetLastError() + ")");
        handles.add(handle);
        buffers.add(buf);
      }
      assertEquals(count, new HashSet<>(handles).size(), "distinct handles");
      replies.await(count);
      replies.idle(50); // nothing more comes
      assertEquals(handles, replies.got.stream().map(Reply::handle).toList(), "each answered once, in order");
      assertEquals(Set.of(new Reply(0, size, 0)),
          replies.got.stream().map(r -> new Reply(0, r.buflen(), r.error())).collect(java.util.stream.Collectors.toSet()));
      for (byte[] buf : buffers) {
        assertEquals(tcp, AsyncLookupTestSupport.render(AsyncBuffer.protoent(buf)));
      }
      if (world.virtualTime()) { // none had completed before the task waited: all were outstanding at once
        assertEquals(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList(), replies.timesSince(start));
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aMissingBufferOrABuflenOutsideItFailsWithFault(World world) throws Exception {
    run(world.builder(), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(64);
      for (Case c : ONE_EACH) {
        assertNoHandle(ws, WSAEFAULT, c.issue().call(ws, replies.hwnd, null, 0), c + ", null, 0");
        assertNoHandle(ws, WSAEFAULT, c.issue().call(ws, replies.hwnd, null, 64), c + ", null, 64");
        assertNoHandle(ws, WSAEFAULT, c.issue().call(ws, replies.hwnd, buf, -1), c + ", buflen -1");
        assertNoHandle(ws, WSAEFAULT, c.issue().call(ws, replies.hwnd, buf, 65), c + ", buflen 65 of 64");
      }
      int hwnd = replies.hwnd;
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetHostByName(hwnd, WM_REPLY, null, buf, 64), "no host name");
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetServByName(hwnd, WM_REPLY, null, "tcp", buf, 64), "no service name");
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetProtoByName(hwnd, WM_REPLY, null, buf, 64), "no protocol name");
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetHostByAddr(hwnd, WM_REPLY, null, 4, AF_INET, buf, 64), "no address");
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetHostByAddr(hwnd, WM_REPLY, new byte[] {127, 0, 0}, 4, AF_INET, buf, 64),
          "3 bytes of address");
      assertNoHandle(ws, WSAEFAULT, ws.WSAAsyncGetHostByAddr(hwnd, WM_REPLY, new byte[] {127, 0, 0, 1}, 3, AF_INET, buf, 64),
          "len 3");
      assertEquals(null, ws.gethostbyaddr(new byte[] {127, 0, 0, 1}, 4, AF_UNSPEC));
      int syncError = ws.WSAGetLastError();
      assertNoHandle(ws, syncError,
          ws.WSAAsyncGetHostByAddr(hwnd, WM_REPLY, new byte[] {127, 0, 0, 1}, 4, AF_UNSPEC, buf, 64), "AF_UNSPEC");
      assertEquals(WSAEAFNOSUPPORT, syncError);
      assertUntouched(buf);

      int whole = ws.WSAAsyncGetHostByName(hwnd, WM_REPLY, "localhost", buf, 64); // buflen == buf.length
      assertHandle(whole, "the whole buffer");
      replies.await(1);
      assertEquals(List.of(new Reply(whole, LOCALHOST_SIZE, 0)), replies.got, "the failed calls made no request");
      return 0;
    });
  }

  /**
   * Two threads meeting: each {@link #arrive} spins (no parking, so both leave within a moment of
   * each other) until both have arrived as often.
   */
  private static final class SpinBarrier {
    private final AtomicInteger arrivals = new AtomicInteger();

    void arrive(int times) {
      arrivals.incrementAndGet();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (arrivals.get() < 2 * times) {
        assertTrue(System.nanoTime() < deadline, "the other task did not arrive");
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void twoWin32TasksRequestingAtOnceNeverExceedTheLimitOfTheirApplication() throws Exception {
    int rounds = 2000;
    AtomicIntegerArray accepted = new AtomicIntegerArray(rounds);
    SpinBarrier barrier = new SpinBarrier();
    try (Emulator emu = World.WIN32_REAL.builder().maxAsyncRequests(1).lookupLatency(Duration.ofHours(1)).build()) {
      WinsockApi ws = emu.winsock();
      TaskBody body = () -> {
        startup(ws);
        byte[] buf = filled(64);
        for (int round = 0; round < rounds; round++) {
          barrier.arrive(3 * round + 1);
          int handle = ws.WSAAsyncGetProtoByNumber(0, WM_REPLY, 6, buf, buf.length);
          if (handle != 0) {
            accepted.incrementAndGet(round);
          } else {
            assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
          }
          barrier.arrive(3 * round + 2); // both have asked
          if (handle != 0) {
            assertEquals(0, ws.WSACancelAsyncRequest(handle));
          }
          barrier.arrive(3 * round + 3); // the place is free again
        }
        assertUntouched(buf);
        return 0;
      };
      Task first = emu.createTask("first", body);
      Task second = emu.createTask("second", body);
      emu.start();
      assertEquals(0, Emus.join(first));
      assertEquals(0, Emus.join(second));
    }
    for (int round = 0; round < rounds; round++) {
      assertEquals(1, accepted.get(round), "round " + round);
    }
  }

  // ---- handles ----

  @World.AllWorlds
  void theHandlesOfOutstandingRequestsAreDistinctAndSixteenBitsUntilTheSpaceIsFull(World world) throws Exception {
    run(world.builder().maxAsyncRequests(0xFFFF).lookupLatency(Duration.ofHours(1)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(MAXGETHOSTSTRUCT);
      Set<Integer> handles = new HashSet<>();
      int thousandth = 0;
      for (int i = 1; i <= 0xFFFF; i++) {
        int handle = ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, buf, buf.length);
        assertHandle(handle, "request " + i);
        assertTrue(handles.add(handle), "request " + i + " reuses outstanding handle " + handle);
        thousandth = i == 1000 ? handle : thousandth;
      }
      assertNoHandle(ws, WSAEWOULDBLOCK, ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, buf, buf.length),
          "one more");
      assertEquals(0, ws.WSACancelAsyncRequest(thousandth));
      assertEquals(thousandth, ws.WSAAsyncGetProtoByNumber(replies.hwnd, WM_REPLY, 6, buf, buf.length),
          "the only free handle");
      assertEquals(0, ws.WSACleanup());
      assertUntouched(buf);
      return 0;
    });
  }

  @World.Win16Worlds
  void twoWin16ApplicationsNeverHoldTheSameHandleAtOnce(World world) throws Exception {
    int latency = world.virtualTime() ? 100 : 300;
    HelperTasks.run(world.builder().lookupLatency(Duration.ofMillis(latency)), (emu, ws, user, helpers) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      int mine = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      AtomicInteger theirs = new AtomicInteger();
      AtomicInteger helperTask = new AtomicInteger();
      byte[] theirBuf = filled(64);
      HelperTasks.Helper helper = helpers.start("other", () -> {
        startup(ws);
        helperTask.set(user.GetCurrentTask());
        theirs.set(ws.WSAAsyncGetServByName(replies.hwnd, WM_REPLY, "echo", "tcp", theirBuf, 64));
        assertEquals(SOCKET_ERROR, ws.WSACancelAsyncRequest(mine), "another application's handle");
        assertEquals(WSAEINVAL, ws.WSAGetLastError());
        MSG msg = new MSG();
        while (user.GetMessage(msg, 0, 0, 0) > 0 && msg.message != WM_USER) {
          user.DispatchMessage(msg); // stays alive (its request with it) until told
        }
        return 0;
      });
      replies.await(2);
      assertTrue(user.PostAppMessage(helperTask.get(), WM_USER, 0, 0));
      helper.awaitEnd();
      assertHandle(theirs.get(), "the other application's");
      assertNotEquals(mine, theirs.get());
      assertEquals(List.of(new Reply(mine, LOCALHOST_SIZE, 0), new Reply(theirs.get(), 16 + 4 + 5 + 4, 0)), replies.got);
      assertEquals("echo [] " + htons(7) + " tcp", AsyncLookupTestSupport.render(AsyncBuffer.servent(theirBuf)));
      if (world.virtualTime()) {
        assertEquals(List.of(100, 200), replies.timesSince(start));
      }
      return 0;
    });
  }

  // ---- when replies come ----

  @World.AllWorlds
  void evenWithoutLatencyNoReplyIsDispatchedDuringTheCallThatMadeTheRequest(World world) throws Exception {
    run(hosts(world), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      int count = 0;
      for (Case c : ONE_EACH) {
        int handle = c.issue().call(ws, replies.hwnd, filled(MAXGETHOSTSTRUCT), MAXGETHOSTSTRUCT);
        assertEquals(count, replies.got.size(), c + ": dispatched during the call");
        assertEquals(handle, replies.awaitQueued().wParam, c + ": the reply is queued");
        assertEquals(count, replies.got.size(), c + ": dispatched while only waiting for it");
        replies.await(++count);
        assertEquals(handle, replies.got.get(count - 1).handle(), c.name());
      }
      if (world.virtualTime()) {
        assertEquals(List.of(0, 0, 0, 0, 0, 0), replies.timesSince(start), "no virtual time passes");
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aRequestMadeInAWindowProcedureIsNotRepliedToBeforeItReturns(World world) throws Exception {
    List<String> events = new ArrayList<>();
    run(world.builder(), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      byte[] buf = filled(64);
      int hwnd = Emus.window(user, "asker", (hWnd, msg, wParam, lParam) -> {
        if (msg == WM_USER) {
          events.add("asking");
          events.add("handle " + ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", buf, 64));
          events.add("replies " + replies.got.size());
          return 0;
        }
        return user.DefWindowProc(hWnd, msg, wParam, lParam);
      });
      assertEquals(0, user.SendMessage(hwnd, WM_USER, 0, 0));
      events.add("returned, replies " + replies.got.size());
      replies.await(1);
      events.add("reply " + replies.got.get(0).handle());
      return 0;
    });
    String handle = events.get(1).substring("handle ".length());
    assertNotEquals("0", handle);
    assertEquals(List.of("asking", "handle " + handle, "replies 0", "returned, replies 0", "reply " + handle), events);
  }

  @World.AllWorlds
  void requestsRunOneAtATimeInTheOrderTheyWereMade(World world) throws Exception {
    int latency = world.virtualTime() ? 100 : 50;
    run(hosts(world).lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      byte[] service = filled(MAXGETHOSTSTRUCT);
      int a = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      int b = ws.WSAAsyncGetServByPort(replies.hwnd, WM_REPLY, htons(7), "tcp", service, service.length);
      int c = ws.WSAAsyncGetProtoByName(replies.hwnd, WM_REPLY, "udp", filled(8), 8);
      int d = ws.WSAAsyncGetHostByAddr(replies.hwnd, WM_REPLY, new byte[] {10, 9, 9, 9}, 4, AF_INET, filled(64), 64);
      replies.await(4);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0), new Reply(b, 29, 0), new Reply(c, 12 + 8 + 4 + 4, WSAENOBUFS),
          new Reply(d, 0, WSAHOST_NOT_FOUND)), replies.got);
      List<Integer> times = replies.timesSince(start);
      if (world.virtualTime()) {
        assertEquals(List.of(100, 200, 300, 400), times, "each takes the latency after the one before");
      } else {
        for (int i = 0; i < times.size(); i++) {
          assertTrue(times.get(i) >= (i + 1) * latency, "reply " + i + " after " + times);
        }
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aRequestMadeWhileNoneRunsStartsAtOnce(World world) throws Exception {
    int latency = world.virtualTime() ? 100 : 50;
    run(world.builder().lookupLatency(Duration.ofMillis(latency)), (emu, ws, user) -> {
      startup(ws);
      Replies replies = new Replies(user);
      int start = user.GetTickCount();
      int a = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      replies.idle(latency * 5 / 2);
      int second = user.GetTickCount();
      int b = ws.WSAAsyncGetHostByName(replies.hwnd, WM_REPLY, "localhost", filled(64), 64);
      replies.await(2);
      assertEquals(List.of(new Reply(a, LOCALHOST_SIZE, 0), new Reply(b, LOCALHOST_SIZE, 0)), replies.got);
      if (world.virtualTime()) {
        assertEquals(List.of(100, 350), replies.timesSince(start));
      } else {
        assertTrue(replies.times.get(1) - second >= latency, "b took " + (replies.times.get(1) - second));
      }
      return 0;
    });
  }
}
