package org.wsemu.endpoint;

import java.util.Arrays;

/**
 * What ends a piece of input, as a NewtonScript input spec: a byte count, an end sequence, or both
 * (whichever comes first), with an optional time-out and the scripts of a standing input request.
 *
 * <pre>{@code
 * import org.wsemu.endpoint.*;
 * Endpoint ep = Endpoint.Instantiate(ws, user, trace);
 * ...
 * ep.SetInputSpec(InputSpec.endSequence(new byte[] {'\r', '\n'})
 *     .withTimeout(30_000)                                  // 30 s without a line: cancel
 *     .withInputScript((endpoint, line) -> System.out.print(new String(line)))
 *     .withCompletionScript((endpoint, data, result) -> System.out.println("input ended: " + result)));
 * }</pre>
 *
 * <p>Rules, checked when the spec is made: the byte count is not negative, an end sequence is not
 * empty, and at least one of the two is given; the time-out is not negative (0 for none).
 *
 * <p>Immutable (the end sequence is copied in and out); thread-safe.
 */
public final class InputSpec {
  private final int byteCount;
  private final byte[] endSequence;
  private final int reqTimeout;
  private final InputScript inputScript;
  private final CompletionScript completionScript;

  private InputSpec(int byteCount, byte[] endSequence, int reqTimeout, InputScript inputScript,
      CompletionScript completionScript) {
    if (byteCount < 0) {
      throw new IllegalArgumentException("byteCount < 0: " + byteCount);
    }
    if (endSequence != null && endSequence.length == 0) {
      throw new IllegalArgumentException("endSequence is empty: give null for none");
    }
    if (byteCount == 0 && endSequence == null) {
      throw new IllegalArgumentException("an input spec needs a byteCount > 0 or an endSequence");
    }
    if (reqTimeout < 0) {
      throw new IllegalArgumentException("reqTimeout < 0: " + reqTimeout);
    }
    this.byteCount = byteCount;
    this.endSequence = endSequence == null ? null : endSequence.clone();
    this.reqTimeout = reqTimeout;
    this.inputScript = inputScript;
    this.completionScript = completionScript;
  }

  /**
   * Input ends after {@code byteCount} bytes.
   *
   * @throws IllegalArgumentException if {@code byteCount <= 0}
   */
  public static InputSpec byteCount(int byteCount) {
    if (byteCount == 0) {
      throw new IllegalArgumentException("byteCount == 0: an input of no bytes never ends");
    }
    return new InputSpec(byteCount, null, 0, null, null);
  }

  /**
   * Input ends with (and includes) {@code endSequence}.
   *
   * @throws IllegalArgumentException if {@code endSequence} is null or empty
   */
  public static InputSpec endSequence(byte[] endSequence) {
    if (endSequence == null) {
      throw new IllegalArgumentException("endSequence is null");
    }
    return new InputSpec(0, endSequence, 0, null, null);
  }

  /**
   * The same spec, also ending after {@code byteCount} bytes when the end sequence has not come.
   *
   * @throws IllegalArgumentException if {@code byteCount < 0}
   */
  public InputSpec withByteCount(int byteCount) {
    return new InputSpec(byteCount, endSequence, reqTimeout, inputScript, completionScript);
  }

  /**
   * The same spec with a time-out in milliseconds (0 for none). For a standing input request it
   * runs from the moment the spec is set and starts again after each piece of input.
   *
   * @throws IllegalArgumentException if {@code millis < 0}
   */
  public InputSpec withTimeout(int millis) {
    return new InputSpec(byteCount, endSequence, millis, inputScript, completionScript);
  }

  /** The same spec with the script that receives each piece of input of a standing request. */
  public InputSpec withInputScript(InputScript script) {
    return new InputSpec(byteCount, endSequence, reqTimeout, script, completionScript);
  }

  /** The same spec with the script called when a standing request ends (cancelled, timed out, failed). */
  public InputSpec withCompletionScript(CompletionScript script) {
    return new InputSpec(byteCount, endSequence, reqTimeout, inputScript, script);
  }

  /** The byte count, 0 for none. */
  public int byteCount() {
    return byteCount;
  }

  /** A copy of the end sequence, or {@code null} for none. */
  public byte[] endSequence() {
    return endSequence == null ? null : endSequence.clone();
  }

  /** The time-out in milliseconds, 0 for none. */
  public int reqTimeout() {
    return reqTimeout;
  }

  /** The script that receives each piece of input of a standing request, or {@code null}. */
  public InputScript inputScript() {
    return inputScript;
  }

  /** The script called when a standing request ends, or {@code null}. */
  public CompletionScript completionScript() {
    return completionScript;
  }

  @Override
  public String toString() {
    return "InputSpec[byteCount=" + byteCount + ", endSequence=" + Arrays.toString(endSequence)
        + ", reqTimeout=" + reqTimeout + "]";
  }
}
