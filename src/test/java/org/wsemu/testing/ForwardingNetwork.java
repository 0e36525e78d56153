package org.wsemu.testing;

import java.util.Objects;
import org.wsemu.net.Network;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.UdpEndpoint;
import org.wsemu.task.OpenResources;

/**
 * A network that hands every call to another one: a test overrides the calls it puts a seam in.
 *
 * <p>As thread-safe as the network it wraps.
 */
public class ForwardingNetwork implements Network {
  private final Network inner;

  /** Forwards to {@code inner}. */
  public ForwardingNetwork(Network inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** The network this one forwards to. */
  public final Network inner() {
    return inner;
  }

  @Override
  public TcpEndpoint openTcp() {
    return inner.openTcp();
  }

  @Override
  public UdpEndpoint openUdp() {
    return inner.openUdp();
  }

  @Override
  public int maxDatagram() {
    return inner.maxDatagram();
  }

  @Override
  public String description() {
    return inner.description();
  }

  @Override
  public void shutdown() {
    inner.shutdown();
  }

  @Override
  public OpenResources openResources() {
    return inner.openResources();
  }
}
