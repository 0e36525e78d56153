package org.wsemu.net;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.wsemu.kernel.CallbackBoundary;

/**
 * The real network: endpoints on Java NIO channels, one selector thread per emulator (started with
 * the first endpoint), no thread per socket. Obtain it with {@link Network#real()}.
 *
 * <p>Thread-safe.
 */
final class NioNetwork implements Network {
  private final String emulatorName;
  private final CallbackBoundary callbacks;
  private final Set<Object> open = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private NioSelectorLoop loop; // guarded by this
  private boolean stopped; // guarded by this

  NioNetwork(String emulatorName, CallbackBoundary callbacks) {
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
      NioUdpEndpoint endpoint = new NioUdpEndpoint(selector);
      open.add(endpoint);
      return endpoint;
    } catch (IOException e) {
      return null;
    }
  }

  /** Remembers an endpoint so that shutdown closes it. */
  <T> T track(T endpoint) {
    open.add(endpoint);
    return endpoint;
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
    Object[] endpoints;
    synchronized (this) {
      stopped = true;
      toStop = loop;
      loop = null;
    }
    synchronized (open) {
      endpoints = open.toArray();
      open.clear();
    }
    for (Object endpoint : endpoints) {
      if (endpoint instanceof TcpEndpoint tcp) {
        tcp.close(true);
      } else if (endpoint instanceof UdpEndpoint udp) {
        udp.close();
      }
    }
    if (toStop != null) {
      toStop.shutdown();
    }
  }
}
