package org.wsemu.sim;

/**
 * A ready-made remote peer: code that plays the far end of TCP connections on a simulated host,
 * installed with {@link SimulatedNetwork#listen}. {@link Peers} has the usual ones (echo,
 * discard, daytime, chargen...); any Java code can be one.
 *
 * <p>Threading: a peer runs on the network's side, in the callbacks below, never on a task's
 * thread of control: with a virtual clock inside the scheduler, with a real clock on the timer
 * thread or wherever the event that woke it happened. The callbacks of one connection never run at
 * once. They must not block: to wait, use {@link PeerConnection#after}.
 */
@FunctionalInterface
public interface Peer {
  /**
   * A connection arrived and was accepted.
   *
   * @return what handles the connection from now on
   */
  Session accept(PeerConnection connection);

  /** The handler of one connection. */
  @FunctionalInterface
  interface Session {
    /** Something arrived: data, the end of the stream, or a reset. Read it with the connection. */
    void readable();
  }
}
