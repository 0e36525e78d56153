package org.wsemu;

import java.util.List;

/**
 * Thrown by {@link Emulator#close()} of an emulator built with
 * {@link Emulator.Builder#failOnViolation(boolean)} when its program broke at least one rule,
 * after everything is closed. An {@link AssertionError}, so that a test framework reports it as a
 * failure rather than as an error of the test itself.
 *
 * <p>Immutable.
 */
public final class RuleViolationException extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The violations, in {@code seq} order. */
  private final transient List<Violation> violations;

  /** An exception listing {@code violations} (at least one) of the emulator named {@code emulator}. */
  public RuleViolationException(String emulator, List<Violation> violations) {
    super(message(emulator, violations));
    this.violations = List.copyOf(violations);
  }

  /** The violations, in {@code seq} order. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String emulator, List<Violation> violations) {
    StringBuilder text = new StringBuilder("emulator " + emulator + ": " + violations.size()
        + " Windows Sockets rule violation" + (violations.size() == 1 ? "" : "s"));
    for (Violation v : violations) {
      text.append(System.lineSeparator()).append("  ").append(v);
    }
    return text.toString();
  }
}
