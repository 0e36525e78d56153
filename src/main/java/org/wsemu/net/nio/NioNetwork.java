package org.wsemu.net.nio;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wsemu.internal.GuardedBy;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.task.OpenResources;

/**
 * The real network: endpoints on Java NIO channels, one selector thread per emulator (started with
 * the first endpoint), no thread per socket. Programs choose it with {@link RealNetwork}.
 *
 * <p>Thread-safe.
 */
final class NioNetwork implements Network {
  private final String emulatorName;
  private final NetworkCallbacks callbacks;
  /** Endpoints not yet closed: each forgets itself when it closes, shutdown closes the rest. */
  private final Set<Object> open = ConcurrentHashMap.newKeySet();
  /** Kept after shutdown, for {@link #openResources}. */
  @GuardedBy("this") private NioSelectorLoop loop;
  @GuardedBy("this") private boolean stopped;

  /** A network whose readiness callbacks run at {@code callbacks}. */
  NioNetwork(String emulatorName, NetworkCallbacks callbacks) {
    this.emulatorName = emulatorName;
    this.callbacks = callbacks;
  }

  private synchronized NioSelectorLoop loop() {
    if (stopped) {
      return null;
    }
    if (loop == null) {
      loop = new NioSelectorLoop("wsemu-" + emulatorName + "-selector", callbacks);
    }
    return loop;
  }

  @Override
  public TcpEndpoint openTcp() {
    NioSelectorLoop selector = loop();
    if (selector == null) {
      return null;
    }
    return track(new NioTcpEndpoint(this, selector));
  }

  @Override
  public UdpEndpoint openUdp() {
    NioSelectorLoop selector = loop();
    if (selector == null) {
      return null;
    }
    try {
      return track(new NioUdpEndpoint(this, selector));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Remembers an endpoint so that shutdown closes it; one made while the network shuts down (a
   * connection accepted meanwhile) is closed at once.
   */
  <T> T track(T endpoint) {
    synchronized (this) {
      if (!stopped) {
        open.add(endpoint);
        return endpoint;
      }
    }
    close(endpoint);
    return endpoint;
  }

  /** {@code endpoint} has closed. */
  void forget(Object endpoint) {
    open.remove(endpoint);
  }

  private static void close(Object endpoint) {
    if (endpoint instanceof TcpEndpoint tcp) {
      tcp.close(true);
    } else if (endpoint instanceof UdpEndpoint udp) {
      udp.close();
    }
  }

  @Override
  public int maxDatagram() {
    return NioUdpEndpoint.MAX_DATAGRAM;
  }

  @Override
  public String description() {
    return "real network (Java NIO)";
  }

  @Override
  public void shutdown() {
    NioSelectorLoop toStop;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      toStop = loop;
    }
    for (Object endpoint : open.toArray()) {
      close(endpoint);
    }
    if (toStop != null) {
      toStop.shutdown();
    }
  }

  @Override
  public OpenResources openResources() {
    NioSelectorLoop current;
    synchronized (this) {
      current = loop;
    }
    OpenResources endpoints = new OpenResources(List.of(), 0, open.size(), 0);
    return current == null ? endpoints : endpoints.plus(current.openResources());
  }
}
