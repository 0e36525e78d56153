package org.wsemu.endpoint;

/**
 * The InputScript of an {@link InputSpec} set with {@link Endpoint#SetInputSpec}: called with each
 * piece of input that meets the spec (the byte count reached, or the end sequence seen), after
 * which the spec stays active for the next piece.
 *
 * <p>Threading: as {@link CompletionScript}: on the owning task, inside the endpoint's window
 * procedure.
 */
@FunctionalInterface
public interface InputScript {
  /**
   * A piece of input has arrived.
   *
   * @param ep the endpoint
   * @param data the bytes, the end sequence included when the spec has one and it ended them
   */
  void input(Endpoint ep, byte[] data);
}
