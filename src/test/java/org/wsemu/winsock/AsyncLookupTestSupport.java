package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinUser.PM_NOREMOVE;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * Fixtures for {@link AsyncLookupTest} and {@link AsyncCancelTest}: a window that records the
 * WSAAsyncGetXByY replies it gets, message loops that wait for them without sleeping, buffers
 * filled with a sentinel, and renderings of the database structures for exact comparisons.
 */
final class AsyncLookupTestSupport {
  private AsyncLookupTestSupport() {}

  /** The message the tests ask their replies as. */
  static final int WM_REPLY = WM_USER + 0x20;
  /** What every byte of a fresh buffer holds, so that a write shows. */
  static final byte SENTINEL = 0x5A;
  /** The packed size of the hostent of "localhost": 16 + 4 + 8 + 4 + 10. */
  static final int LOCALHOST_SIZE = 42;

  /** One reply as the window procedure got it: wParam and the two halves of lParam. */
  record Reply(int handle, int buflen, int error) {}

  /** A window of the calling task that records the replies ({@link #WM_REPLY}) it gets. */
  static final class Replies {
    final User user;
    final int hwnd;
    /** The replies, in the order they were dispatched. */
    final List<Reply> got = new ArrayList<>();
    /** The task's tick count when each reply was dispatched. */
    final List<Integer> times = new ArrayList<>();

    /** Creates the window in the calling task. */
    Replies(User user) {
      this(user, "replies");
    }

    Replies(User user, String className) {
      this.user = user;
      this.hwnd = Emus.window(user, className, (hWnd, msg, wParam, lParam) -> {
        if (msg != WM_REPLY) {
          return user.DefWindowProc(hWnd, msg, wParam, lParam);
        }
        got.add(new Reply(wParam, WinSock.WSAGETASYNCBUFLEN(lParam), WinSock.WSAGETASYNCERROR(lParam)));
        times.add(user.GetTickCount());
        return 0;
      });
    }

    /** Pumps the calling task's messages until {@code count} replies in all have been dispatched. */
    void await(int count) {
      MSG msg = new MSG();
      while (got.size() < count) {
        assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT while waiting for replies");
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
    }

    /**
     * Pumps until the reply for {@code handle} has been dispatched; returns the other replies
     * dispatched meanwhile.
     */
    List<Reply> awaitHandle(int handle) {
      int before = got.size();
      MSG msg = new MSG();
      while (got.subList(before, got.size()).stream().noneMatch(r -> r.handle() == handle)) {
        assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT while waiting for a reply");
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      return got.subList(before, got.size()).stream().filter(r -> r.handle() != handle).toList();
    }

    /** The last reply dispatched. */
    Reply last() {
      return got.get(got.size() - 1);
    }

    /**
     * Waits, without dispatching anything, until a reply is in the queue; returns it (still queued).
     */
    MSG awaitQueued() {
      MSG msg = new MSG();
      while (!user.PeekMessage(msg, hwnd, WM_REPLY, WM_REPLY, PM_NOREMOVE)) {
        user.WaitMessage();
      }
      return msg;
    }

    /**
     * Pumps only WM_TIMER until {@code millis} have passed (a timer of this window), leaving every
     * reply queued.
     */
    void idleQueued(int millis) {
      MSG msg = new MSG();
      assertNotEquals(0, user.SetTimer(hwnd, 7, millis, null), "SetTimer");
      assertTrue(user.GetMessage(msg, hwnd, WM_TIMER, WM_TIMER) > 0);
      user.KillTimer(hwnd, 7);
    }

    /**
     * Pumps every message, replies included, until {@code millis} have passed (a timer of this
     * window).
     */
    void idle(int millis) {
      MSG msg = new MSG();
      assertNotEquals(0, user.SetTimer(hwnd, 8, millis, null), "SetTimer");
      while (true) {
        assertTrue(user.GetMessage(msg, 0, 0, 0) > 0, "WM_QUIT while idling");
        if (msg.message == WM_TIMER && msg.hwnd == hwnd && msg.wParam == 8) {
          break;
        }
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
      }
      user.KillTimer(hwnd, 8);
    }

    /** The times of the replies, relative to {@code start}. */
    List<Integer> timesSince(int start) {
      return times.stream().map(t -> t - start).toList();
    }
  }

  /** A buffer of {@code length} sentinel bytes. */
  static byte[] filled(int length) {
    byte[] buf = new byte[length];
    Arrays.fill(buf, SENTINEL);
    return buf;
  }

  /** Asserts that no byte of {@code buf} was written. */
  static void assertUntouched(byte[] buf) {
    assertArrayEquals(filled(buf.length), buf, "the buffer was written");
  }

  /** Asserts that {@code buf[from..]} was not written. */
  static void assertUntouchedFrom(byte[] buf, int from) {
    assertArrayEquals(filled(buf.length - from), Arrays.copyOfRange(buf, from, buf.length),
        "bytes after the result were written");
  }

  /** A hostent as one line: name, aliases, type, length, addresses. */
  static String render(hostent h) {
    return h == null ? "null" : h.h_name + " " + Arrays.toString(h.h_aliases) + " " + h.h_addrtype + " "
        + h.h_length + " " + Arrays.stream(h.h_addr_list).map(AsyncLookupTestSupport::dotted)
            .collect(Collectors.joining(",", "[", "]"));
  }

  /** A servent as one line: name, aliases, port (as stored), protocol. */
  static String render(servent s) {
    return s == null ? "null" : s.s_name + " " + Arrays.toString(s.s_aliases) + " " + s.s_port + " " + s.s_proto;
  }

  /** A protoent as one line: name, aliases, number. */
  static String render(protoent p) {
    return p == null ? "null" : p.p_name + " " + Arrays.toString(p.p_aliases) + " " + p.p_proto;
  }

  private static String dotted(byte[] a) {
    return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
  }

  /** The packed size of a hostent, from the layout {@link AsyncBuffer} documents. */
  static int size(hostent h) {
    return 16 + 4 * (h.h_aliases.length + 1) + 4 * (h.h_addr_list.length + 1) + 4 * h.h_addr_list.length
        + strings(h.h_name) + strings(h.h_aliases);
  }

  /** The packed size of a servent, from the layout {@link AsyncBuffer} documents. */
  static int size(servent s) {
    return 16 + 4 * (s.s_aliases.length + 1) + strings(s.s_name) + strings(s.s_aliases) + strings(s.s_proto);
  }

  /** The packed size of a protoent, from the layout {@link AsyncBuffer} documents. */
  static int size(protoent p) {
    return 12 + 4 * (p.p_aliases.length + 1) + strings(p.p_name) + strings(p.p_aliases);
  }

  private static int strings(String... texts) {
    return Arrays.stream(texts).mapToInt(t -> t.length() + 1).sum();
  }

  /** The ASYNC trace steps of the request {@code handle}, in order: queued, start, reply, cancel. */
  static List<String> steps(TraceRecorder trace, int handle) {
    return trace.events(e -> e.kind() == TraceKind.ASYNC && Integer.valueOf(handle).equals(e.field("handle")))
        .stream().map(e -> e.name()).toList();
  }

  /** Asserts a call returned 0 (no handle) with {@code error}. */
  static void assertNoHandle(WinsockApi ws, int error, int handle, String what) {
    assertEquals(0, handle, what + ": handle");
    assertEquals(error, ws.WSAGetLastError(), what + ": error");
  }
}
