package org.wsemu.net;

import org.wsemu.task.OpenResources;

/**
 * A network for the Winsock layer of one emulator: the real one (Java NIO on the machine's
 * sockets, {@link org.wsemu.net.nio.RealNetwork}) or the simulated one
 * ({@link org.wsemu.sim.SimulatedNetwork}). The
 * Winsock layer implements Windows Sockets semantics (states, errors, blocking, lingering,
 * buffering for MSG_PEEK and FIONREAD) on the non-blocking primitives of {@link TcpEndpoint} and
 * {@link UdpEndpoint}, so both networks behave the same through the API.
 *
 * <p>Conventions of the endpoint methods: addresses and ports are in host order ({@code 127.0.0.1}
 * is {@code 0x7F000001}); results are non-negative on success and a {@link NetError#result()} on
 * failure ({@link NetError#WOULD_BLOCK} when the operation cannot complete now). The Winsock layer
 * decides every Winsock rule (which call a socket's state allows) before it calls an endpoint; an
 * endpoint reports only what its transport did, and a call its state does not allow (listening
 * twice, reading before connecting) is a bug of the caller, which it refuses with an
 * {@link IllegalStateException}. Only closing may race with the other calls: an endpoint closed
 * meanwhile answers {@link NetError#CLOSED}. Readiness is reported by one-shot callbacks that run on
 * a network thread, never on the thread that asked for them before it got its answer, and must
 * only enqueue and wake.
 *
 * <p>Thread-safe.
 */
public interface Network {

  /** A new, unbound TCP endpoint, or {@code null} if the system has no socket left. */
  TcpEndpoint openTcp();

  /** A new, unbound UDP endpoint, or {@code null} if the system has no socket left. */
  UdpEndpoint openUdp();

  /** The largest UDP payload this network carries. */
  int maxDatagram();

  /** One line for {@code WSADATA.szSystemStatus}. */
  String description();

  /** Closes every endpoint and stops the network's threads. */
  void shutdown();

  /**
   * A choice the Winsock layer leaves to chance, drawn from the network's seed: a number in
   * {@code 0..bound-1} (used to order the completion indications of overlapped operations that
   * complete together). A network without a seed never reorders: it answers 0. The simulated
   * network draws from the same seeded source as its faults, so the same seed gives the same
   * choices. Never call it holding a socket's monitor.
   */
  default int draw(int bound) {
    return 0;
  }

  /**
   * What the network holds now: endpoints not yet closed, and its live threads and open selectors
   * if it has any; nothing after {@link #shutdown()}. Default: nothing.
   */
  default OpenResources openResources() {
    return OpenResources.NONE;
  }
}
