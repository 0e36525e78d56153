package org.wsemu.net.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.net.NetError;
import org.wsemu.net.NetException;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.TransportOption;

/**
 * What the NIO endpoint does with calls that are not the network's business: exceptions that are
 * not the network's surface as themselves, a call its state does not allow is the caller's bug,
 * and a closed endpoint answers {@link NetError#CLOSED}.
 */
@Timeout(20)
class NioTcpEndpointTest {
  private static final int LOOPBACK = 0x7F000001;

  private final NioNetwork network = new NioNetwork("test", new NetworkCallbacks() {
    @Override
    public boolean run(String what, Runnable code) {
      code.run();
      return true;
    }

    @Override
    public void failed(String what, Throwable error) {
      throw new AssertionError(what, error);
    }
  });

  @Test
  void aCallTheStateDoesNotAllowIsTheCallersBug() {
    try {
      TcpEndpoint endpoint = network.openTcp();
      assertEquals("listen: not bound", assertThrows(IllegalStateException.class, () -> endpoint.listen(5)).getMessage());
      assertEquals("accept: not listening", assertThrows(IllegalStateException.class, endpoint::accept).getMessage());
      assertEquals("not connected", assertThrows(IllegalStateException.class, () -> endpoint.read(new byte[1], 0, 1)).getMessage());
      assertEquals(0, endpoint.bind(LOOPBACK, 0));
      assertEquals("bind: the endpoint is bound already",
          assertThrows(IllegalStateException.class, () -> endpoint.bind(LOOPBACK, 0)).getMessage());
      assertEquals("not a TCP option: BROADCAST",
          assertThrows(IllegalArgumentException.class, () -> endpoint.setOption(TransportOption.BROADCAST, 1)).getMessage());
    } finally {
      network.shutdown();
    }
  }

  @Test
  void aClosedEndpointAnswersClosed() {
    try {
      TcpEndpoint endpoint = network.openTcp();
      assertEquals(0, endpoint.bind(LOOPBACK, 0));
      endpoint.close(false);
      assertEquals(NetError.CLOSED, NetError.of(endpoint.listen(5)));
      assertEquals(NetError.CLOSED, NetError.of(endpoint.connect(LOOPBACK, 7)));
      assertEquals(NetError.CLOSED, assertThrows(NetException.class, endpoint::accept).error());
    } finally {
      network.shutdown();
    }
  }

  @Test
  void aProgrammingErrorSurfacesAsItselfNotAsAWinsockError() throws Exception {
    try (ServerSocketChannel server = ServerSocketChannel.open()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      TcpEndpoint endpoint = network.openTcp();
      int r = endpoint.connect(LOOPBACK, ((InetSocketAddress) server.getLocalAddress()).getPort());
      if (r != 0) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.finishConnect() == 0);
      }
      assertThrows(NullPointerException.class, () -> endpoint.read(null, 0, 1));
      assertThrows(NullPointerException.class, () -> endpoint.write(null, 0, 1));
      assertThrows(IndexOutOfBoundsException.class, () -> endpoint.read(new byte[1], 0, 2));
    } finally {
      network.shutdown();
    }
  }
}
