package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.Readiness;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.testing.ForwardingNetwork;
import org.wsemu.testing.ForwardingNetworkFactory;
import org.wsemu.testing.World;

/**
 * A pending overlapped receive whose data another call read ahead (select, a datagram taken into
 * the socket): the endpoint does not report that data again, so the receive must hear of it from
 * the socket. A network that loses the pump's first request for readiness puts the read-ahead
 * exactly where a race would only put it now and then.
 */
@Timeout(30)
class OverlappedReadAheadTest {

  @World.AllWorlds
  void aStreamReceiveCompletesWithDataSelectReadAhead(World world) throws Exception {
    LosingNetwork network = new LosingNetwork(world);
    run(world.builder().network(network), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int event = ws.WSACreateEvent();
      byte[] buf = new byte[16];
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      network.loseNextReadRequest();
      assertFails(ws, WSA_IO_PENDING,
          ws.WSARecv(p[1], new WSABUF[] {new WSABUF(buf.length, buf)}, 1, new IntRef(), new IntRef(0), ov, null));
      assertTrue(network.lost(), "the pump's request was lost");
      assertEquals(2, ws.send(p[0], ascii("ab"), 2, 0));
      fd_set read = set(p[1]);
      assertEquals(1, ws.select(0, read, null, null, new timeval(10, 0)), "select read it ahead");
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 10_000, false));
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(p[1], ov, cb, false, new IntRef()));
      assertEquals(2, cb.value);
      assertEquals("ab", ascii(buf, 2));
      return 0;
    });
  }

  @World.AllWorlds
  void aDatagramReceiveCompletesWithTheDatagramSelectTookIntoTheSocket(World world) throws Exception {
    LosingNetwork network = new LosingNetwork(world);
    run(world.builder().network(network), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int receiver = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(receiver, loopback(0), sockaddr_in.SIZE));
      int sender = ws.socket(AF_INET, SOCK_DGRAM, 0);
      int event = ws.WSACreateEvent();
      byte[] buf = new byte[16];
      WSAOVERLAPPED ov = new WSAOVERLAPPED(event);
      network.loseNextReadRequest();
      assertFails(ws, WSA_IO_PENDING, ws.WSARecvFrom(receiver, new WSABUF[] {new WSABUF(buf.length, buf)}, 1,
          new IntRef(), new IntRef(0), null, null, ov, null));
      assertTrue(network.lost(), "the pump's request was lost");
      assertEquals(2, ws.sendto(sender, ascii("ab"), 2, 0, loopback(localPort(ws, receiver)), sockaddr_in.SIZE));
      fd_set read = set(receiver);
      assertEquals(1, ws.select(0, read, null, null, new timeval(10, 0)), "select took the datagram");
      assertEquals(WSA_WAIT_EVENT_0, ws.WSAWaitForMultipleEvents(1, new int[] {event}, false, 10_000, false));
      IntRef cb = new IntRef(-1);
      assertTrue(ws.WSAGetOverlappedResult(receiver, ov, cb, false, new IntRef()));
      assertEquals(2, cb.value);
      assertEquals("ab", ascii(buf, 2));
      return 0;
    });
  }

  /** The world's network, losing the next request for READ readiness when asked to. */
  static final class LosingNetwork extends ForwardingNetworkFactory {
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();

    LosingNetwork(World world) {
      super(world.simulated() ? world.newNetwork() : new RealNetwork());
    }

    void loseNextReadRequest() {
      lost.set(false);
      loseNext.set(true);
    }

    boolean lost() {
      return lost.get();
    }

    @Override
    public Network create(NetworkEnvironment environment) {
      return new ForwardingNetwork(super.create(environment)) {
        @Override
        public TcpEndpoint openTcp() {
          return losing(TcpEndpoint.class, super.openTcp());
        }

        @Override
        public UdpEndpoint openUdp() {
          return losing(UdpEndpoint.class, super.openUdp());
        }
      };
    }

    private <T> T losing(Class<T> type, T endpoint) {
      if (endpoint == null) {
        return null;
      }
      InvocationHandler handler = (proxy, called, args) -> {
        if (called.getName().equals("notifyWhen") && ((int) args[0] & Readiness.READ) != 0
            && loseNext.compareAndSet(true, false)) {
          lost.set(true);
          return null;
        }
        try {
          Object result = called.invoke(endpoint, args);
          return type.isInstance(result) && result != endpoint ? losing(type, type.cast(result)) : result;
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
  }
}
