package org.wsemu.net.nio;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.TcpEndpoint;

/** What the NIO endpoint does with exceptions that are not the network's. */
@Timeout(20)
class NioTcpEndpointTest {
  private static final int LOOPBACK = 0x7F000001;

  @Test
  void aProgrammingErrorSurfacesAsItselfNotAsAWinsockError() throws Exception {
    NioNetwork network = new NioNetwork("test", new NetworkCallbacks() {
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
