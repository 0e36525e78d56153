package org.wsemu.endpoint;

/**
 * How a request runs, as a NewtonScript callback spec: synchronously (the call returns when the
 * request has ended, or throws {@link EndpointException}) or asynchronously (the call returns at
 * once and {@code completionScript} runs later on the owning task), with an optional time-out.
 *
 * <pre>{@code
 * import org.wsemu.endpoint.*;
 * Endpoint ep = Endpoint.Instantiate(ws, user, trace);
 * ep.Bind(null, null);
 * ep.Connect(sin, CallbackSpec.sync().withTimeout(5000));     // waits, dispatching messages
 * CompletionScript done = (endpoint, data, result) -> System.out.println("sent: " + result);
 * ep.Output(new byte[] {'A'}, CallbackSpec.async(done));     // returns at once
 * }</pre>
 *
 * <p>A {@code null} spec means synchronous without time-out. A time-out that expires cancels
 * every outstanding request of the endpoint, in the request's own style (see {@link Endpoint}).
 * The completion script of a synchronous spec is never called: the result is the return or the
 * exception.
 *
 * <p>Immutable; thread-safe.
 *
 * @param async whether the request returns at once and completes through the script
 * @param reqTimeout the time-out in milliseconds, 0 for none
 * @param completionScript called when an asynchronous request ends; may be {@code null}
 */
public record CallbackSpec(boolean async, int reqTimeout, CompletionScript completionScript) {

  /**
   * Checks the time-out.
   *
   * @throws IllegalArgumentException if {@code reqTimeout < 0}
   */
  public CallbackSpec {
    if (reqTimeout < 0) {
      throw new IllegalArgumentException("reqTimeout < 0: " + reqTimeout);
    }
  }

  /** Synchronous, no time-out (what a {@code null} spec means). */
  public static CallbackSpec sync() {
    return new CallbackSpec(false, 0, null);
  }

  /** Asynchronous, no time-out, completing through {@code script}. */
  public static CallbackSpec async(CompletionScript script) {
    return new CallbackSpec(true, 0, script);
  }

  /**
   * The same spec with a time-out.
   *
   * @param millis milliseconds, 0 for none
   * @throws IllegalArgumentException if {@code millis < 0}
   */
  public CallbackSpec withTimeout(int millis) {
    return new CallbackSpec(async, millis, completionScript);
  }
}
