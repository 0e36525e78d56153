package org.wsemu.task;

import java.util.ArrayList;
import java.util.List;

/**
 * What an emulator holds at one instant: the live threads it started (tasks, the timer thread, the
 * real network's selector thread), its pending timers, its open sockets and its open selectors.
 * After a clean shutdown it is {@link #isEmpty() empty}; anything left is a leak.
 *
 * <pre>{@code
 * Emulator emu = Emulator.builder().build();
 * emu.close();
 * assert emu.openResources().isEmpty() : "left behind: " + emu.openResources();
 * }</pre>
 *
 * <p>An immutable snapshot: thread-safe.
 *
 * @param threads the names of the live threads: task threads by name, then the timer thread, then the
 *     network's
 * @param timers timed actions still waiting to run (USER timers, wait deadlines, packets in flight)
 * @param sockets endpoints the network has opened and not yet closed
 * @param selectors open NIO selectors
 */
public record OpenResources(List<String> threads, int timers, int sockets, int selectors) {
  /** Nothing held. */
  public static final OpenResources NONE = new OpenResources(List.of(), 0, 0, 0);

  /**
   * Copies {@code threads}.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public OpenResources {
    threads = List.copyOf(threads);
    if (timers < 0 || sockets < 0 || selectors < 0) {
      throw new IllegalArgumentException("negative count: " + timers + " timers, " + sockets + " sockets, "
          + selectors + " selectors");
    }
  }

  /** Whether nothing is held. */
  public boolean isEmpty() {
    return threads.isEmpty() && timers == 0 && sockets == 0 && selectors == 0;
  }

  /** Both together. */
  public OpenResources plus(OpenResources other) {
    List<String> all = new ArrayList<>(threads);
    all.addAll(other.threads);
    return new OpenResources(all, timers + other.timers, sockets + other.sockets, selectors + other.selectors);
  }

  /** For example {@code "threads [wsemu-a-timer], 1 timer, 2 sockets, 1 selector"}, or {@code "nothing"}. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    if (!threads.isEmpty()) {
      parts.add("threads " + threads);
    }
    count(parts, timers, "timer");
    count(parts, sockets, "socket");
    count(parts, selectors, "selector");
    return String.join(", ", parts);
  }

  private static void count(List<String> parts, int n, String what) {
    if (n > 0) {
      parts.add(n + " " + what + (n == 1 ? "" : "s"));
    }
  }
}
