package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.Network;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.TransportOption;
import org.wsemu.net.UdpEndpoint;

/**
 * The simulated endpoints decide no Winsock rule: a call their state does not allow is the
 * caller's bug (the Winsock layer checks the socket's state first), an option of the other
 * protocol too; a closed endpoint answers {@link NetError#CLOSED}, since a close may race with any
 * call; what the transport itself does (a port in use) is a {@link NetError}.
 */
class SimEndpointContractTest {
  private static final int LOCAL = 0x0A000001;
  private static final int BROADCAST = 0xFFFFFFFF;

  private final Network net = SimRuns.twoHosts(Duration.ofMillis(5)).build().create(new FakeEnvironment());

  @Test
  void aTcpCallTheStateDoesNotAllowIsTheCallersBug() {
    TcpEndpoint endpoint = net.openTcp();
    assertEquals("listen: the endpoint is OPEN",
        assertThrows(IllegalStateException.class, () -> endpoint.listen(5)).getMessage());
    assertEquals("accept: the endpoint is OPEN", assertThrows(IllegalStateException.class, endpoint::accept).getMessage());
    assertEquals("read: the endpoint is OPEN",
        assertThrows(IllegalStateException.class, () -> endpoint.read(new byte[1], 0, 1)).getMessage());
    assertEquals("finishConnect: no connection attempt",
        assertThrows(IllegalStateException.class, endpoint::finishConnect).getMessage());
    assertEquals(0, endpoint.bind(LOCAL, 0));
    assertEquals("bind: the endpoint is BOUND",
        assertThrows(IllegalStateException.class, () -> endpoint.bind(LOCAL, 0)).getMessage());
    assertEquals(0, endpoint.listen(5));
    assertEquals("connect: the endpoint is LISTENING",
        assertThrows(IllegalStateException.class, () -> endpoint.connect(LOCAL, 7)).getMessage());
    assertEquals("not a TCP option: BROADCAST",
        assertThrows(IllegalArgumentException.class, () -> endpoint.getOption(TransportOption.BROADCAST)).getMessage());
  }

  @Test
  void aUdpCallTheStateDoesNotAllowIsTheCallersBug() {
    UdpEndpoint endpoint = net.openUdp();
    assertEquals("send: to the broadcast address without BROADCAST",
        assertThrows(IllegalStateException.class, () -> endpoint.send(new byte[1], 0, 1, BROADCAST, 7)).getMessage());
    assertEquals(0, endpoint.bind(0, 0));
    assertEquals("bind: the endpoint is bound already",
        assertThrows(IllegalStateException.class, () -> endpoint.bind(0, 0)).getMessage());
    assertEquals("not a UDP option: KEEP_ALIVE",
        assertThrows(IllegalArgumentException.class, () -> endpoint.setOption(TransportOption.KEEP_ALIVE, 1)).getMessage());
  }

  @Test
  void aClosedEndpointAnswersClosed() {
    TcpEndpoint tcp = net.openTcp();
    tcp.close(false);
    assertEquals(NetError.CLOSED, NetError.of(tcp.bind(LOCAL, 0)));
    assertEquals(NetError.CLOSED, NetError.of(tcp.connect(LOCAL, 7)));
    assertEquals(NetError.CLOSED, NetError.of(tcp.read(new byte[1], 0, 1)));
    assertEquals(NetError.CLOSED, assertThrows(NetException.class, tcp::accept).error());
    UdpEndpoint udp = net.openUdp();
    udp.close();
    assertEquals(NetError.CLOSED, NetError.of(udp.send(new byte[1], 0, 1, LOCAL, 7)));
    assertEquals(NetError.CLOSED, NetError.of(udp.receive(new byte[1], 0, 1, new int[2])));
  }

  @Test
  void whatTheTransportDoesIsANetError() {
    TcpEndpoint first = net.openTcp();
    TcpEndpoint second = net.openTcp();
    assertEquals(0, first.bind(LOCAL, 7));
    assertEquals(NetError.ADDRESS_IN_USE, NetError.of(second.bind(LOCAL, 7)));
    assertEquals(NetError.ADDRESS_NOT_AVAILABLE, NetError.of(second.bind(0x0A000009, 8)));
    UdpEndpoint udp = net.openUdp();
    assertEquals(NetError.MESSAGE_TOO_BIG, NetError.of(udp.send(new byte[65508], 0, 65508, LOCAL, 7)));
  }
}
