package org.wsemu.endpoint;

/**
 * The failure of a synchronous endpoint request, carrying its result code (Newton throws
 * {@code |evt.ex.comm|} with the code): {@link CommErrors#kCommErrRequestCanceled} for a cancelled
 * or timed-out request, {@link CommErrors#TACCESS} for one made while a cancel was in progress,
 * and the other codes of {@link CommErrors}.
 *
 * <p>Immutable; thread-safe.
 */
public final class EndpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int error;
  private final transient byte[] data;

  /**
   * Creates the exception.
   *
   * @param request the request that failed ("Output", "Input"...)
   * @param error the result code, negative
   * @param data what the request carried when it failed (the bytes an Output had sent), or null
   */
  public EndpointException(String request, int error, byte[] data) {
    super(request + " failed: " + error + " (" + CommErrors.name(error) + ")");
    this.error = error;
    this.data = data == null ? null : data.clone();
  }

  /** The result code: one of {@link CommErrors}, negative. */
  public int error() {
    return error;
  }

  /**
   * What the request carried when it failed: for Output the bytes handed to the socket before it
   * was cancelled or failed (possibly none); {@code null} for the other requests.
   */
  public byte[] data() {
    return data == null ? null : data.clone();
  }
}
