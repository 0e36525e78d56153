package org.wsemu.explore;

import java.time.Duration;

/**
 * The failure of a schedule that did not end within {@link Explorer.Builder#scheduleTimeout}: the
 * program hung (a deadlock, a task waiting for a message that never comes...).
 */
public final class ScheduleTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param timeout the limit the schedule exceeded */
  public ScheduleTimeoutException(Duration timeout) {
    super("the schedule did not end within " + timeout.toMillis() + " ms (real time)");
  }
}
