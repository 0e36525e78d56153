package org.wsemu.samples;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_FLAG_OVERLAPPED;
import static org.wsemu.winsock.WinSock2.WSA_INVALID_EVENT;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;
import static org.wsemu.winsock.WinSock2.WSA_OPERATION_ABORTED;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_EVENT_0;
import static org.wsemu.winsock.WinSock2.WSA_WAIT_TIMEOUT;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.samples.QuoteClient.Outcome;
import org.wsemu.task.Task;
import org.wsemu.user.User;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WSAOVERLAPPED;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.hostent;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@link QuoteClient} written the Winsock 2 way: the receive is overlapped, so no call blocks in a
 * pseudo-blocking loop, no hook runs and no WSAEINPROGRESS can happen; the program waits where and
 * when it chooses. Two ways to learn that a receive completed, as Win32 programs use them:
 *
 * <ul>
 *   <li>{@link Notification#ROUTINE}: WSARecv with a completion routine; the program sleeps in
 *       {@code SleepEx(remaining, TRUE)}, an alertable wait, in which the routine runs; the routine
 *       appends what came and posts the next receive. On timeout the program closes the socket:
 *       the pending receive completes with WSA_OPERATION_ABORTED, and its routine runs in the next
 *       alertable wait ({@code SleepEx(0, TRUE)});
 *   <li>{@link Notification#EVENT}: WSARecv with an event in the WSAOVERLAPPED; the program waits in
 *       {@code WSAWaitForMultipleEvents} with the time left and reads the result with
 *       WSAGetOverlappedResult. On timeout it cancels the receive with CancelIo and waits for it
 *       to complete (WSA_OPERATION_ABORTED) before it closes the socket and frees the buffer.
 * </ul>
 *
 * <p>It negotiates version 2.2 and prints the same lines as QuoteClient; the timeout covers the
 * receive, as QuoteClient's does. The C original is in the comments.
 */
public final class OverlappedQuoteClient {
  /** How the program learns that a receive completed. */
  public enum Notification {
    /** A completion routine, run in an alertable SleepEx. */
    ROUTINE,
    /** An event object, waited for with WSAWaitForMultipleEvents. */
    EVENT
  }

  private final WinsockApi ws;
  private final User user;
  private final PrintWriter out;
  private final int port;
  private final int timeoutMillis;
  private final byte[] buf = new byte[256];                  // static char buf[256];
  private final WSABUF[] wsabuf = {new WSABUF(buf.length, buf)};
  private final WSAOVERLAPPED ov = new WSAOVERLAPPED();      // static WSAOVERLAPPED ov;
  private final StringBuilder quote = new StringBuilder();
  private int s = INVALID_SOCKET;
  private int requestTick;
  private boolean done;                                      // the routine saw the end, or an error
  private int routineError;

  private OverlappedQuoteClient(Emulator emu, PrintWriter out, int port, int timeoutMillis) {
    this.ws = emu.winsock();
    this.user = emu.user();
    this.out = out;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Runs the client as a task of {@code emu} (not started yet) against the server on
   * {@code localhost:port}, giving up after {@code timeoutMillis}. Call it on any thread but the
   * emulator's tasks; it returns when the client's task has ended.
   *
   * @throws IllegalArgumentException if {@code timeoutMillis} is below 10 ms, as for QuoteClient
   * @throws IllegalStateException if the client does not finish within a minute of its timeout
   */
  public static Outcome run(Emulator emu, PrintWriter out, int port, int timeoutMillis, Notification how)
      throws InterruptedException {
    QuoteClient.checkTimeout(timeoutMillis);
    OverlappedQuoteClient client = new OverlappedQuoteClient(emu, out, port, timeoutMillis);
    Task task = emu.createTask("quote", () -> client.main(how).ordinal());
    emu.start();
    if (!task.join(Duration.ofMinutes(1).plusMillis(timeoutMillis))) {
      throw new IllegalStateException("the client did not finish within a minute of its timeout");
    }
    return Outcome.values()[task.exitCode().orElse(Outcome.FAILED.ordinal())];
  }

  private Outcome main(Notification how) {
    requestTick = user.GetTickCount();
    if (ws.WSAStartup(0x0202, new WSADATA()) != 0) {       // WSAStartup(MAKEWORD(2, 2), &wsaData)
      return failed("WSAStartup", ws.WSAGetLastError());
    }
    try {
      return fetchQuote(how);
    } finally {
      ws.WSACleanup();
    }
  }

  private Outcome fetchQuote(Notification how) {
    requestTick = user.GetTickCount();                     // dwRequest = GetTickCount();
    hostent hp = ws.gethostbyname("localhost");
    if (hp == null) {
      return failed("gethostbyname", ws.WSAGetLastError());
    }
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    sin.sin_addr.set(hp.h_addr());
    s = ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 0, WSA_FLAG_OVERLAPPED);
    if (s == INVALID_SOCKET) {
      return failed("WSASocket", ws.WSAGetLastError());
    }
    try {
      if (ws.connect(s, sin, sockaddr_in.SIZE) == SOCKET_ERROR) {
        return failed("connect", ws.WSAGetLastError());
      }
      byte[] request = "QUOTE\r\n".getBytes(StandardCharsets.US_ASCII);
      if (ws.send(s, request, request.length, 0) == SOCKET_ERROR) {
        return failed("send", ws.WSAGetLastError());
      }
      return how == Notification.ROUTINE ? withRoutine() : withEvent();
    } finally {
      if (s != INVALID_SOCKET) {
        ws.closesocket(s);
      }
    }
  }

  // ---- a completion routine, run in an alertable wait ----

  private Outcome withRoutine() {
    int deadline = user.GetTickCount() + timeoutMillis;
    if (postReceive() == SOCKET_ERROR) {
      return failed("WSARecv", ws.WSAGetLastError());
    }
    while (!done) {
      int left = deadline - user.GetTickCount();
      if (left <= 0 || ws.SleepEx(left, true) != WAIT_IO_COMPLETION) { // SleepEx(dwLeft, TRUE)
        ws.closesocket(s);                                 // the receive completes: aborted
        s = INVALID_SOCKET;
        ws.SleepEx(0, true);                               // its routine runs now
        out.printf("[t=%5d ms] quote: no answer within %d ms; the receive was aborted (%s)%n",
            elapsed(), timeoutMillis, routineError == WSA_OPERATION_ABORTED ? "WSA_OPERATION_ABORTED" : routineError);
        return Outcome.TIMED_OUT;
      }
    }
    if (routineError != 0) {
      return failed("WSARecv", routineError);
    }
    return printQuote();
  }

  /** Posts the next receive, with {@link #completed} as its routine: 0 or SOCKET_ERROR. */
  private int postReceive() {
    IntRef flags = new IntRef(0);
    IntRef received = new IntRef(0);
    int r = ws.WSARecv(s, wsabuf, 1, received, flags, ov, this::completed);
    return r == SOCKET_ERROR && ws.WSAGetLastError() == WSA_IO_PENDING ? 0 : r;
  }

  /* void CALLBACK CompletionROUTINE(DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags) */
  private void completed(int dwError, int cbTransferred, WSAOVERLAPPED lpOverlapped, int dwFlags) {
    if (dwError != 0 || cbTransferred == 0) {              // an error, or the server's close
      routineError = dwError;
      done = true;
      return;
    }
    quote.append(new String(buf, 0, cbTransferred, StandardCharsets.US_ASCII));
    if (postReceive() == SOCKET_ERROR) {                   // the next one, from inside the routine
      routineError = ws.WSAGetLastError();
      done = true;
    }
  }

  // ---- an event object, waited for ----

  private Outcome withEvent() {
    int hEvent = ws.WSACreateEvent();
    if (hEvent == WSA_INVALID_EVENT) {
      return failed("WSACreateEvent", ws.WSAGetLastError());
    }
    try {
      ov.hEvent = hEvent;
      int deadline = user.GetTickCount() + timeoutMillis;
      IntRef transferred = new IntRef(0);
      IntRef flags = new IntRef(0);
      for (;;) {
        flags.value = 0;
        if (ws.WSARecv(s, wsabuf, 1, transferred, flags, ov, null) == SOCKET_ERROR) {
          if (ws.WSAGetLastError() != WSA_IO_PENDING) {
            return failed("WSARecv", ws.WSAGetLastError());
          }
          int left = Math.max(0, deadline - user.GetTickCount());
          int w = ws.WSAWaitForMultipleEvents(1, new int[] {hEvent}, false, left, false);
          if (w == WSA_WAIT_TIMEOUT) {
            return cancelled();
          }
          if (w != WSA_WAIT_EVENT_0
              || !ws.WSAGetOverlappedResult(s, ov, transferred, false, flags)) {
            return failed("WSAGetOverlappedResult", ws.WSAGetLastError());
          }
        }
        if (transferred.value == 0) {                      // the server's close
          return printQuote();
        }
        quote.append(new String(buf, 0, transferred.value, StandardCharsets.US_ASCII));
      }
    } finally {
      ws.WSACloseEvent(hEvent);
    }
  }

  /** The timeout: cancels the receive and waits until it completed, then the buffer is free. */
  private Outcome cancelled() {
    ws.CancelIo(s);
    IntRef transferred = new IntRef(0);
    IntRef flags = new IntRef(0);
    boolean ok = ws.WSAGetOverlappedResult(s, ov, transferred, true, flags);
    int error = ok ? 0 : ws.WSAGetLastError();
    out.printf("[t=%5d ms] quote: no answer within %d ms; the receive was cancelled (%s)%n",
        elapsed(), timeoutMillis, error == WSA_OPERATION_ABORTED ? "WSA_OPERATION_ABORTED" : error);
    return Outcome.TIMED_OUT;
  }

  private Outcome printQuote() {
    out.printf("[t=%5d ms] quote: %s%n", elapsed(), quote.toString().strip());
    return Outcome.QUOTE;
  }

  private int elapsed() {
    return user.GetTickCount() - requestTick;
  }

  private Outcome failed(String call, int error) {
    out.printf("[t=%5d ms] quote: %s failed, error %d%n", elapsed(), call, error);
    return Outcome.FAILED;
  }
}
