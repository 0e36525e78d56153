package org.wsemu.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinsockApi;

/**
 * Figure 9: WSAAsyncGetHostByName requests and their reply messages per second on the embedded
 * database (no latency), {@link #WINDOW} outstanding at a time, handled by a Win16 task's window
 * procedure; for comparison the same task's synchronous gethostbyname. One operation is one
 * lookup, request to reply handled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LookupBench {
  static final int BATCH = 10_000;
  static final int WINDOW = 32;
  private static final int WM_REPLY = WinUser.WM_USER + 1;

  @Param({"async", "sync"})
  public String impl;

  private final Semaphore done = new Semaphore(0);
  private Emulator emu;
  private Task task;

  @Setup
  public void setup() {
    emu = Loopback.emulator("lookups", SchedulingMode.WIN16).build();
    WinsockApi ws = emu.winsock();
    User user = emu.user();
    boolean async = impl.equals("async");
    task = emu.createTask("lookups", () -> {
      Loopback.startup(ws);
      byte[][] buffers = new byte[WINDOW][WinSock.MAXGETHOSTSTRUCT];
      int[] state = new int[2]; // issued, replied in this batch
      WNDCLASS wc = new WNDCLASS();
      wc.lpszClassName = "Lookups";
      int[] hwnd = new int[1];
      wc.lpfnWndProc = (h, msg, wParam, lParam) -> {
        if (msg == WM_REPLY) {
          if (++state[1] == BATCH) {
            done.release();
          } else if (state[0] < BATCH) {
            ws.WSAAsyncGetHostByName(hwnd[0], WM_REPLY, "localhost", buffers[state[0]++ % WINDOW],
                WinSock.MAXGETHOSTSTRUCT);
          }
        }
        return 0;
      };
      user.RegisterClass(wc);
      hwnd[0] = user.CreateWindow("Lookups", "", 0, 0, 0, 0, 0, 0, 0, 0, null);
      MSG msg = new MSG();
      while (user.GetMessage(msg, 0, 0, 0) > 0) {
        if (msg.message != WinUser.WM_USER) {
          user.DispatchMessage(msg);
        } else if (async) {
          state[0] = 0;
          state[1] = 0;
          while (state[0] < WINDOW) {
            ws.WSAAsyncGetHostByName(hwnd[0], WM_REPLY, "localhost", buffers[state[0]++], WinSock.MAXGETHOSTSTRUCT);
          }
        } else {
          for (int i = 0; i < BATCH; i++) {
            ws.gethostbyname("localhost");
          }
          done.release();
        }
      }
      return 0;
    });
    emu.start();
  }

  @TearDown
  public void tearDown() {
    emu.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void lookups() throws InterruptedException {
    emu.user().PostAppMessage(task.handle(), WinUser.WM_USER, 0, 0);
    done.acquire();
  }
}
