package org.wsemu.endpoint;

/**
 * The CompletionScript of a {@link CallbackSpec} (or of an {@link InputSpec}): called once when an
 * asynchronous request ends, with its result code.
 *
 * <pre>{@code
 * import org.wsemu.endpoint.*;
 * Endpoint ep = Endpoint.Instantiate(ws, user, trace);
 * byte[] bytes = "HELLO\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
 * ep.Output(bytes, CallbackSpec.async((endpoint, data, result) -> {
 *   if (result == CommErrors.kCommErrRequestCanceled) {
 *     System.out.println("cancelled after " + data.length + " bytes");
 *   }
 * }));
 * }</pre>
 *
 * <p>Threading: runs on the task that owns the endpoint, inside the window procedure of the
 * endpoint's hidden window, dispatched from that task's message queue (by its message loop, by a
 * synchronous request's wait, or by a blocking hook). An exception it throws goes to the
 * emulator's callback exception handler like any window procedure's; the endpoint stays
 * consistent.
 */
@FunctionalInterface
public interface CompletionScript {
  /**
   * The request has ended.
   *
   * @param ep the endpoint
   * @param data what the request carried: for Input the bytes received, for Output the bytes
   *     handed to the socket (all of them on success, the prefix sent when cancelled or failed);
   *     {@code null} for the other requests and for an Input that did not complete
   * @param result 0 on success, else a result code of {@link CommErrors}
   */
  void complete(Endpoint ep, byte[] data, int result);
}
