package org.wsemu.endpoint;

/**
 * Where an endpoint is in its life: {@code Instantiate} gives UNBOUND; Bind, BOUND; Listen,
 * LISTENING and, once a connection waits, ... Accept, CONNECTED; Connect, CONNECTING then
 * CONNECTED; Disconnect, DISCONNECTED; UnBind, UNBOUND again; Dispose, DISPOSED.
 */
public enum EndpointState {
  /** No socket: Bind is the next request. */
  UNBOUND,
  /** A socket bound to a local address: Connect or Listen next. */
  BOUND,
  /** Listening; a Listen request waits for a connection, then Accept takes it. */
  LISTENING,
  /** A Connect request is under way. */
  CONNECTING,
  /** Connected: Output and Input work. */
  CONNECTED,
  /** Disconnected (by Disconnect, or ended by the peer): UnBind next. */
  DISCONNECTED,
  /** Disposed: no request is allowed any more. */
  DISPOSED
}
