package org.wsemu.cli;

import java.util.List;
import java.util.Map;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;

/**
 * What {@code wsemu demo --list} prints: each group of the catalogue under its title, one line per
 * demonstration with its name and its rule, the rules aligned in one column, then how to run one:
 *
 * <pre>
 * Tasks, cleanup and closing
 *   message-loop  Win16 applications share one message system: ...
 *
 * Run one with: wsemu demo NAME [--trace] [--diagram FILE] (wsemu demo --help for more)
 * </pre>
 *
 * <p>An empty group is left out. Stateless and thread-safe.
 */
final class DemoList {
  private DemoList() {}

  /** The listing, each line ending with {@code '\n'}. */
  static String text() {
    Map<String, List<Demonstration>> groups = Demonstrations.groups();
    int width = groups.values().stream().flatMap(List::stream).mapToInt(d -> d.name().length()).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Demonstration>> group : groups.entrySet()) {
      if (group.getValue().isEmpty()) {
        continue;
      }
      sb.append(group.getKey()).append('\n');
      for (Demonstration demo : group.getValue()) {
        sb.append("  ").append(demo.name()).append(" ".repeat(width - demo.name().length() + 2)).append(demo.rule()).append('\n');
      }
      sb.append('\n');
    }
    sb.append("Run one with: wsemu demo NAME [--trace] [--diagram FILE] (wsemu demo --help for more)\n");
    return sb.toString();
  }
}
