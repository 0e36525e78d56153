package org.wsemu.samples.demos;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_FLAG_OVERLAPPED;
import static org.wsemu.winsock.WinSock2.WSA_INFINITE;
import static org.wsemu.winsock.WinSock2.WSA_IO_PENDING;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wsemu.Emulator;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WSAOVERLAPPED;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * {@code overlapped-out-of-order}: a Winsock 2 program posts four overlapped WSARecv of 4, 5, 6 and 7
 * bytes on one stream, each with a completion routine and its number in the WSAOVERLAPPED's hEvent
 * (free for the program's use when a routine is given). The server sends 22 bytes at once: the four
 * receives complete together, their buffers filled in the order posted, and are indicated in an
 * order the simulated network draws from its seed. One alertable SleepEx runs the four routines in
 * that order, which with the catalogue's seed is not the order posted.
 *
 * <p>Runs on one task; not thread-safe (one instance per run).
 */
final class OverlappedOutOfOrder {
  static final String NAME = "overlapped-out-of-order";
  static final int PORT = 5001;
  static final int RECEIVES = 4;
  static final int[] SIZES = {4, 5, 6, 7};                            // a size each: the trace tells them apart
  static final String DATA = "AAAABBBBBCCCCCCDDDDDDD";

  private final Emulator emu;
  private final WinsockApi ws;
  private final PrintWriter out;
  private final byte[][] buf = new byte[RECEIVES][];                  // static char *buf[4];
  private final WSAOVERLAPPED[] ov = new WSAOVERLAPPED[RECEIVES];      // static WSAOVERLAPPED ov[4];
  private final List<Integer> completed = new ArrayList<>();          // receive numbers, in routine order
  private final List<String> contents = new ArrayList<>();            // each buffer, in posted order

  private OverlappedOutOfOrder(Emulator emu, PrintWriter out) {
    this.emu = emu;
    this.ws = emu.winsock();
    this.out = out;
  }

  static Demonstration demonstration() {
    return new Demonstration(NAME,
        "Overlapped receives fill their buffers in posted order; their completions may come in any order",
        "Microsoft Learn, Overlapped I/O and event objects:"
            + " https://learn.microsoft.com/windows/win32/winsock/overlapped-i-o-and-event-objects-2",
        "The program negotiates Winsock 2.2, connects an overlapped socket and posts four WSARecv of"
            + " 4, 5, 6 and 7 bytes, numbered 1 to 4 in their WSAOVERLAPPED's hEvent, each with a"
            + " completion routine. The server sends AAAABBBBBCCCCCCDDDDDDD at once, 50 ms later."
            + " Receive 1 gets AAAA, 2 BBBBB and so on: buffers are filled in posted order. But the"
            + " four finish"
            + " together, and their completions are indicated in an order drawn from the simulated"
            + " network's seed (the real network keeps the posted order): the COMPLETION events (their"
            + " byte counts tell the receives apart) and the routines SleepEx runs come in that order,"
            + " which with the catalogue's seed is 2, 1, 3, 4. A program must look at each routine's structure, never count on the order.",
        (emu, network, out) -> {
          network.listen(network.defaultHost(), PORT, connection -> {   // 50 ms after the connection: all, and close
            connection.after(Duration.ofMillis(50), () -> {
              connection.send(DATA.getBytes(StandardCharsets.US_ASCII));
              connection.close();
            });
            return () -> { };
          });
          OverlappedOutOfOrder demo = new OverlappedOutOfOrder(emu, out);
          emu.createTask("reader", demo::main);
          Demonstrations.startAndAwait(emu);
          // Any order of the four completions shows the rule, the posted one too (a schedule
          // exploration's completion order may pick it); the catalogue's seed draws 2, 1, 3, 4.
          return demo.completed.size() == RECEIVES && demo.completed.containsAll(List.of(1, 2, 3, 4))
              && demo.contents.equals(List.of("AAAA", "BBBBB", "CCCCCC", "DDDDDDD"));
        });
  }

  /* int main(void) */
  private int main() {
    ws.WSAStartup(0x0202, new WSADATA());                               // WSAStartup(MAKEWORD(2, 2), &wsaData)
    int s = ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 0, WSA_FLAG_OVERLAPPED);
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(PORT);
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");
    ws.connect(s, sin, sockaddr_in.SIZE);                               // version 2.2: no hook, it just waits

    for (int i = 0; i < RECEIVES; i++) {                                // for (i = 0; i < 4; i++) {
      ov[i] = new WSAOVERLAPPED(i + 1);                                 //   ov[i].hEvent = (WSAEVENT) (i + 1);
      buf[i] = new byte[SIZES[i]];
      WSABUF[] wsabuf = {new WSABUF(SIZES[i], buf[i])};
      int r = ws.WSARecv(s, wsabuf, 1, new IntRef(0), new IntRef(0), ov[i], this::completionRoutine);
      if (r == SOCKET_ERROR && ws.WSAGetLastError() != WSA_IO_PENDING) {
        print("WSARecv %d failed with %s", i + 1, BlockingDemos.errorName(ws.WSAGetLastError()));
        return 1;
      }
    }
    print("posted receives 1, 2, 3, 4 of 4, 5, 6, 7 bytes (each WSA_IO_PENDING); waiting in SleepEx(INFINITE, TRUE)");
    while (completed.size() < RECEIVES) {
      if (ws.SleepEx(WSA_INFINITE, true) != WAIT_IO_COMPLETION) {      // the routines run in here
        break;
      }
    }
    for (int i = 0; i < RECEIVES; i++) {
      contents.add(new String(buf[i], StandardCharsets.US_ASCII));
    }
    print("conclusion: completions came in the order %s; the buffers, in posted order, hold %s",
        completed, String.join(" ", contents));
    ws.closesocket(s);
    ws.WSACleanup();
    return 0;
  }

  /* void CALLBACK CompletionRoutine(DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags) */
  private void completionRoutine(int dwError, int cbTransferred, WSAOVERLAPPED lpOverlapped, int dwFlags) {
    int n = lpOverlapped.hEvent;                                        // which receive: the program's own number
    completed.add(n);
    print("completion routine: receive %d, error %s, %d bytes: %s", n, BlockingDemos.errorName(dwError), cbTransferred,
        new String(buf[n - 1], 0, cbTransferred, StandardCharsets.US_ASCII));
  }

  private void print(String format, Object... args) {
    Demonstrations.print(emu, out, "reader", format, args);
  }
}
