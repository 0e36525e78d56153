package org.wsemu.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
import org.wsemu.user.WinUser;

/**
 * Figure 8: Win16 cooperative task switches per second: two tasks calling Yield in turn, each call
 * a switch to the other; against two threads handing the processor to each other with
 * LockSupport.unpark and park (the limit of any switch between threads). One operation is one
 * switch; a batch is {@link #ROUNDS} turns of each side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SwitchBench {
  static final int ROUNDS = 10_000;

  @Param({"win16", "park"})
  public String impl;

  private final Semaphore done = new Semaphore(0);
  private Emulator emu;
  private Task first;
  private volatile Task second;
  private Thread ping;
  private Thread pong;
  private final Semaphore go = new Semaphore(0);
  private volatile boolean pingTurn;

  @Setup
  public void setup() {
    if (impl.equals("win16")) {
      emu = Loopback.emulator("switch", SchedulingMode.WIN16).build();
      User user = emu.user();
      AtomicInteger finished = new AtomicInteger();
      first = emu.createTask("first", () -> yielder(user, finished, true));
      second = emu.createTask("second", () -> yielder(user, finished, false));
      emu.start();
    } else {
      ping = Loopback.daemon("ping", this::ping);
      pong = Loopback.daemon("pong", this::pong);
    }
  }

  /**
   * Waits for a batch, yields ROUNDS times, and the second to finish says so. The first task
   * starts the second, so that both are ready before the first Yield.
   */
  private int yielder(User user, AtomicInteger finished, boolean leader) {
    MSG msg = new MSG();
    while (user.GetMessage(msg, 0, 0, 0) > 0) {
      if (leader) {
        user.PostAppMessage(second.handle(), WinUser.WM_USER, 0, 0);
      }
      for (int i = 0; i < ROUNDS; i++) {
        user.Yield();
      }
      if (finished.incrementAndGet() % 2 == 0) {
        done.release();
      }
    }
    return 0;
  }

  private void ping() {
    try {
      for (;;) {
        go.acquire();
        for (int i = 0; i < ROUNDS; i++) {
          pingTurn = false;
          LockSupport.unpark(pong);
          while (!pingTurn) {
            LockSupport.park(this);
          }
        }
        done.release();
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  private void pong() {
    while (!Thread.currentThread().isInterrupted()) {
      while (pingTurn) {
        LockSupport.park(this);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
      pingTurn = true;
      LockSupport.unpark(ping);
    }
  }

  @TearDown
  public void tearDown() {
    if (emu != null) {
      emu.close();
    } else {
      ping.interrupt();
      pong.interrupt();
    }
  }

  @Benchmark
  @OperationsPerInvocation(2 * ROUNDS)
  public void switches() throws InterruptedException {
    if (emu != null) {
      User user = emu.user();
      user.PostAppMessage(first.handle(), WinUser.WM_USER, 0, 0);
    } else {
      go.release();
    }
    done.acquire();
  }
}
