package org.wsemu;

/**
 * One rule violation found in checked mode ({@link Emulator.Builder#checked(boolean)}): the
 * rule's id (the name of its VIOLATION trace event), the event's {@code seq} and {@code time},
 * the violating task's label, the call that broke the rule ({@code "-"} for none) and the
 * rule-specific fields as {@code name=value} pairs.
 *
 * <p>Immutable.
 *
 * @param rule the rule's id, such as {@code sockets-left-open}
 * @param seq the VIOLATION event's sequence number in the trace
 * @param time the event's time, in the emulator's clock milliseconds
 * @param task the violating task's label ({@code "HHHH:name"}), or {@code "-"}
 * @param function the call that broke the rule, or {@code "-"}
 * @param detail the rule-specific fields, {@code name=value} separated by spaces (may be empty)
 */
public record Violation(String rule, long seq, long time, String task, String function, String detail) {
  @Override
  public String toString() {
    return "#" + seq + " " + task + " " + rule + " in " + function + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
