package org.wsemu.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The waiter list both networks keep for each endpoint. */
class ReadinessWaitersTest {
  private final ReadinessWaiters waiters = new ReadinessWaiters();
  private final Runnable read = () -> { };
  private final Runnable write = () -> { };
  private final Runnable either = () -> { };

  @Test
  void theCallbacksAReadinessMeetsAreTakenOutInTheOrderTheyCame() {
    waiters.add(Readiness.READ, read);
    waiters.add(Readiness.WRITE, write);
    waiters.add(Readiness.READ | Readiness.WRITE, either);
    assertEquals(Readiness.READ | Readiness.WRITE, waiters.wanted());
    assertEquals(List.of(read, either), waiters.takeReady(Readiness.READ | Readiness.URGENT));
    assertEquals(Readiness.WRITE, waiters.wanted(), "what is still awaited");
    assertEquals(List.of(), waiters.takeReady(0));
    assertEquals(List.of(), waiters.takeReady(Readiness.ACCEPT));
    assertEquals(List.of(write), waiters.takeReady(Readiness.WRITE));
    assertEquals(0, waiters.wanted());
  }

  @Test
  void aCloseTakesEveryCallback() {
    waiters.add(Readiness.ACCEPT, read);
    waiters.add(Readiness.CONNECT, write);
    assertEquals(List.of(read, write), waiters.takeAll());
    assertEquals(List.of(), waiters.takeAll());
  }
}
