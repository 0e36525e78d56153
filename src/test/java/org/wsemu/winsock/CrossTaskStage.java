package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.FIONBIO;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.WSAEWOULDBLOCK;
import static org.wsemu.winsock.WinsockTestSupport.pair;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.wsemu.Emulator;
import org.wsemu.task.Task;
import org.wsemu.task.TaskBody;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * A started Win32 emulator whose tasks the test thread starts one at a time: one task blocks in a
 * call, another changes the socket's state, a third may complete the call. Every task body runs
 * to its end before the next step, except a {@link Blocked} call, which the test joins at the end;
 * a call that never wakes fails the join after {@link Emus#TASK_TIMEOUT}, then closing the
 * emulator ends it.
 */
final class CrossTaskStage implements AutoCloseable {
  /** shutdown's how values (Winsock 2 names; 1.1 has only the numbers). */
  static final int SD_RECEIVE = 0;
  static final int SD_SEND = 1;
  static final int SD_BOTH = 2;

  final Emulator emu;
  final WinsockApi ws;
  final TraceRecorder trace = new TraceRecorder();
  private int tasks;

  CrossTaskStage(World world) {
    emu = world.builder().traceSink(trace).build();
    ws = emu.winsock();
    emu.start();
  }

  /** Runs {@code body} in a new task to its end; returns its exit code, or rethrows its failure. */
  int run(TaskBody body) throws Exception {
    return Emus.join(emu.createTask("step" + ++tasks, body));
  }

  /** Runs {@code body} in a new task; returns {exit code, WSAGetLastError() after the body}. */
  List<Integer> runWithError(TaskBody body) throws Exception {
    int[] error = {0};
    int r = run(() -> {
      int ret = body.run();
      error[0] = ws.WSAGetLastError();
      return ret;
    });
    return List.of(r, error[0]);
  }

  /** WSAStartup(1.1) for the process, and a connected pair: {client, server side, listener}. */
  int[] startupAndPair() throws Exception {
    int[] handles = new int[3];
    run(() -> {
      startup(ws);
      System.arraycopy(pair(ws), 0, handles, 0, 3);
      return 0;
    });
    return handles;
  }

  /**
   * Fills the send path of the blocking socket {@code s} (its peer never reads) with non-blocking
   * sends until one would block; returns how many bytes went.
   */
  int fill(int s) throws Exception {
    return run(() -> {
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(1)));
      byte[] chunk = new byte[65536];
      int total = 0;
      int n;
      while ((n = ws.send(s, chunk, chunk.length, 0)) > 0) {
        total += n;
      }
      assertEquals(SOCKET_ERROR, n);
      assertEquals(WSAEWOULDBLOCK, ws.WSAGetLastError());
      assertEquals(0, ws.ioctlsocket(s, FIONBIO, new IntRef(0)));
      return total;
    });
  }

  /** Reads {@code total} bytes from {@code s} in a new task; returns how many came before the end. */
  int drain(int s, long total) throws Exception {
    return run(() -> {
      byte[] buffer = new byte[65536];
      long got = 0;
      int n;
      while (got < total && (n = ws.recv(s, buffer, buffer.length, 0)) > 0) {
        got += n;
      }
      return (int) got;
    });
  }

  /** Starts {@code call} in a new task and returns once that task is blocked in {@code function}. */
  Blocked block(String function, TaskBody call) {
    String name = "blocked" + ++tasks;
    int[] error = {0};
    Task task = emu.createTask(name, () -> {
      int ret = call.run();
      error[0] = ws.WSAGetLastError();
      return ret;
    });
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !trace.events(e -> e.kind() == TraceKind.BLOCK
        && e.name().equals(function) && e.task().endsWith(":" + name)).isEmpty());
    return new Blocked(task, error);
  }

  @Override
  public void close() {
    emu.close();
  }

  /** A task blocked in a call. */
  static final class Blocked {
    private final Task task;
    private final int[] error;

    private Blocked(Task task, int[] error) {
      this.task = task;
      this.error = error;
    }

    /** Waits for the call to return; {return value, WSAGetLastError()}. */
    List<Integer> outcome() throws Exception {
      int ret = Emus.join(task);
      return List.of(ret, error[0]);
    }

    /** Asserts that the call returned {@code expected}. */
    void returns(int expected) throws Exception {
      List<Integer> outcome = outcome();
      assertEquals(expected, outcome.get(0), "returned, with WSAGetLastError() " + outcome.get(1));
    }

    /** Asserts that the call failed with {@code error}. */
    void fails(int expectedError) throws Exception {
      assertEquals(List.of(SOCKET_ERROR, expectedError), outcome());
    }
  }
}
