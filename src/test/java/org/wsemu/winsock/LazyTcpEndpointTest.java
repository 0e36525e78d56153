package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wsemu.net.Network;
import org.wsemu.net.Readiness;

/** A stream's endpoint opened on demand, and the waits asked for before it existed. */
class LazyTcpEndpointTest {
  private static final int ANY = Readiness.READ | Readiness.WRITE | Readiness.CONNECT | Readiness.ACCEPT;

  private final ScriptedTcpEndpoint opened = new ScriptedTcpEndpoint();
  private final AtomicInteger opens = new AtomicInteger();
  private final Network network = (Network) Proxy.newProxyInstance(Network.class.getClassLoader(),
      new Class<?>[] {Network.class}, (proxy, method, args) -> {
        if (!method.getName().equals("openTcp")) {
          throw new AssertionError("unexpected call of " + method.getName());
        }
        opens.incrementAndGet();
        return opened.endpoint;
      });
  private final LazyTcpEndpoint transport = new LazyTcpEndpoint(network);
  private final AtomicInteger woken = new AtomicInteger();

  @Test
  void nothingIsOpenedUntilAskedAndThenOnce() {
    assertNull(transport.get());
    assertFalse(transport.hasLocalAddress());
    assertSame(opened.endpoint, transport.open());
    assertSame(opened.endpoint, transport.open());
    assertSame(opened.endpoint, transport.get());
    assertEquals(1, opens.get());
  }

  @Test
  void aWaitAskedBeforeTheEndpointIsHandedToItWhenItOpens() {
    Runnable wake = woken::incrementAndGet;
    transport.notifyWhen(Readiness.READ, wake);
    assertEquals(List.of(), opened.calls());
    opened.answers("notifyWhen", (Object) null);
    transport.open();
    assertEquals(List.of("notifyWhen[" + ANY + ", " + wake + "]"), opened.calls());
    assertEquals(0, woken.get());
  }

  @Test
  void aWaitAskedBeforeTheEndpointRunsWhenTheSocketClosesWithoutOne() {
    transport.notifyWhen(Readiness.READ, woken::incrementAndGet);
    transport.close(false);
    assertEquals(1, woken.get());
    transport.notifyWhen(Readiness.READ, woken::incrementAndGet);
    assertEquals(2, woken.get(), "closed: at once");
    assertEquals(0, opens.get());
  }

  @Test
  void closingClosesTheEndpointAsAsked() {
    opened.answers("localPort", 0, 1025).answers("close", (Object) null);
    transport.open();
    assertFalse(transport.hasLocalAddress());
    assertTrue(transport.hasLocalAddress());
    transport.close(true);
    assertEquals(List.of("localPort", "localPort", "close[true]"), opened.calls());
  }
}
