package org.wsemu.endpoint;

import java.util.Arrays;
import org.wsemu.winsock.sockaddr_in;

/**
 * One request of an endpoint, from the call that made it to its completion: what it asked for,
 * how it runs, and (for a synchronous request) how it ended.
 *
 * <p>Confined to the thread of the task that owns the endpoint.
 */
final class Request {
  final int id;
  final RequestKind kind;
  final boolean async;
  final CompletionScript script;
  final int reqTimeout;

  byte[] output; // Output: the bytes
  int sent; // Output: how many were handed to the socket
  InputSpec inputSpec; // Input, SetInputSpec
  sockaddr_in address; // Bind, Connect
  boolean cancelPending; // Disconnect

  boolean timerSet;
  boolean viaQueue; // a synchronous request whose end goes through the completion queue (it waits)
  boolean finished; // a synchronous request has ended: result and data are set
  int result;
  byte[] data;

  Request(int id, RequestKind kind, boolean async, CompletionScript script, int reqTimeout) {
    this.id = id;
    this.kind = kind;
    this.async = async;
    this.script = script;
    this.reqTimeout = reqTimeout;
  }

  /** The bytes an Output has handed to the socket so far; null for the other requests. */
  byte[] sentSoFar() {
    return output == null ? null : Arrays.copyOf(output, sent);
  }

  /** {@code "Output#3"}. */
  String name() {
    return kind.label + "#" + id;
  }

  @Override
  public String toString() {
    return name() + (async ? " async" : " sync");
  }
}
