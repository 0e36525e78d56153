package org.wsemu.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.LPWSAOVERLAPPED_COMPLETION_ROUTINE;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WSAOVERLAPPED;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinSock2;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Figure 1d: two Win32 tasks of one emulator moving a batch with overlapped I/O, the Winsock 2
 * way. The receiver keeps {@link #DEPTH} WSARecv calls of {@link ThroughputBench#CHUNK} bytes
 * posted, each with a completion routine that counts and posts the next, and sleeps in an
 * alertable SleepEx; the sender, woken by a message, keeps {@link #DEPTH} WSASend calls
 * outstanding, also with routines, until the batch is sent.
 *
 * <p>Threading: built and driven by the benchmark thread; the tasks run on their own threads.
 */
final class OverlappedPair implements ThroughputBench.Pair {
  /** Operations kept outstanding on each side. */
  static final int DEPTH = 4;

  private final Emulator emu;
  private final Task sender;
  private final ThroughputBench.Counter counter = new ThroughputBench.Counter();

  OverlappedPair() throws InterruptedException {
    emu = Loopback.emulator("overlapped", SchedulingMode.WIN32).build();
    WinsockApi ws = emu.winsock();
    AtomicInteger port = new AtomicInteger();
    CountDownLatch listening = new CountDownLatch(1);
    CountDownLatch connected = new CountDownLatch(1);
    emu.createTask("receiver", () -> receive(ws, port, listening));
    sender = emu.createTask("sender", () -> {
      listening.await();
      startup(ws);
      int s = Loopback.connect(ws, port.get());
      connected.countDown();
      MSG msg = new MSG();
      while (emu.user().GetMessage(msg, 0, 0, 0) > 0) {
        sendBatch(ws, s);
      }
      return ws.closesocket(s);
    });
    emu.start();
    connected.await();
  }

  private int receive(WinsockApi ws, AtomicInteger port, CountDownLatch listening) {
    startup(ws);
    int l = ws.socket(WinSock.AF_INET, WinSock.SOCK_STREAM, 0);
    ws.bind(l, new sockaddr_in(0, WinSock.htonl(WinSock.INADDR_LOOPBACK)), sockaddr_in.SIZE);
    ws.listen(l, 1);
    sockaddr_in name = new sockaddr_in();
    ws.getsockname(l, name, new IntRef(sockaddr_in.SIZE));
    port.set(WinSock.ntohs(name.sin_port));
    listening.countDown();
    int s = ws.accept(l, null, null);
    boolean[] open = {true};
    LPWSAOVERLAPPED_COMPLETION_ROUTINE[] routine = new LPWSAOVERLAPPED_COMPLETION_ROUTINE[1];
    routine[0] = (error, transferred, ov, flags) -> {
      if (error != 0 || transferred == 0) {
        open[0] = false;
        return;
      }
      counter.add(transferred);
      WSABUF[] buf = {new WSABUF(ThroughputBench.CHUNK, ((Posted) ov).bytes)};
      post(ws.WSARecv(s, buf, 1, new IntRef(), new IntRef(), ov, routine[0]), ws, open);
    };
    for (int i = 0; i < DEPTH; i++) {
      Posted ov = new Posted(ThroughputBench.CHUNK);
      post(ws.WSARecv(s, new WSABUF[] {new WSABUF(ThroughputBench.CHUNK, ov.bytes)}, 1, new IntRef(), new IntRef(),
          ov, routine[0]), ws, open);
    }
    while (open[0]) {
      ws.SleepEx(WinSock2.INFINITE, true);
    }
    return 0;
  }

  private void sendBatch(WinsockApi ws, int s) {
    int[] outstanding = {0};
    LPWSAOVERLAPPED_COMPLETION_ROUTINE done = (error, transferred, ov, flags) -> outstanding[0]--;
    byte[] chunk = new byte[ThroughputBench.CHUNK];
    WSABUF[] buf = {new WSABUF(chunk.length, chunk)};
    boolean[] open = {true};
    for (int sent = 0; sent < ThroughputBench.BATCH && open[0]; sent += chunk.length) {
      while (outstanding[0] >= DEPTH) {
        ws.SleepEx(WinSock2.INFINITE, true);
      }
      outstanding[0]++;
      post(ws.WSASend(s, buf, 1, new IntRef(), 0, new WSAOVERLAPPED(), done), ws, open);
    }
    while (outstanding[0] > 0 && open[0]) {
      ws.SleepEx(WinSock2.INFINITE, true);
    }
  }

  /** A started operation is fine (0 or WSA_IO_PENDING); any other result ends the pair. */
  private static void post(int result, WinsockApi ws, boolean[] open) {
    if (result == WinSock.SOCKET_ERROR && ws.WSAGetLastError() != WinSock2.WSA_IO_PENDING) {
      open[0] = false;
    }
  }

  private static void startup(WinsockApi ws) {
    if (ws.WSAStartup(0x0202, new WSADATA()) != 0) {
      throw new IllegalStateException("WSAStartup failed");
    }
  }

  @Override
  public void batch() throws InterruptedException {
    emu.user().PostAppMessage(sender.handle(), WinUser.WM_USER, 0, 0);
    counter.await();
  }

  @Override
  public void close() {
    emu.close();
  }

  /** A WSAOVERLAPPED that carries its receive buffer, as C programs extend the structure. */
  private static final class Posted extends WSAOVERLAPPED {
    final byte[] bytes;

    Posted(int size) {
      bytes = new byte[size];
    }
  }
}
