package org.wsemu.samples.planted;

import java.util.Optional;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.ScheduleFailure;
import org.wsemu.explore.Strategy;

/**
 * The section "Planted bugs: schedules to find each" of {@code docs/exploration.md}, generated
 * from the explorations ({@link PlantedExplorations}). Stateless.
 */
final class PlantedBugsTable {
  static final String HEADING = "## Planted bugs: schedules to find each";

  private PlantedBugsTable() {}

  /** The section, from its heading to its last line, ending with a newline. */
  static String section() {
    StringBuilder md = new StringBuilder();
    md.append(HEADING).append("\n\n");
    md.append("""
        The programs in `samples/java/org/wsemu/samples/planted` (`PlantedBugs.all`) are small Win16
        programs, each with one classic reentrancy mistake planted in it and a fixed version behind a
        flag (`new TelnetDroppedKey(true)`, or the nested class `TelnetDroppedKey.Fixed` for the
        command line). Each is a `ScheduledProgram` that checks its own outcome: the bug shows as an
        assertion of the program or a checked-mode violation, never on the emulator's own schedule
        (every choice 0), only on schedules the choice points allow. Each brings its own simulated
        network, with its servers, instead of the seeded one the explorer offers. To watch one found,
        shrunk and drawn: `java -jar target/wsemu-cli.jar explore
        org.wsemu.samples.planted.TelnetDroppedKey --schedules 50`; the fixed version,
        `'org.wsemu.samples.planted.TelnetDroppedKey$Fixed'`, passes them.

        The table gives, for each program and strategy, how many schedules the explorer ran up to and
        including the first that failed (the failing schedule's index plus one), with base seed
        %d, PCT depth %d, and at most %d schedules. The exhaustive search branches on the first %d
        choices of each schedule (`maxChoices`): each bug needs one or two particular choices early in
        its run, and the tree doubles with each level, so a search that branches on all of them spends
        its budget on the last choices first and finds some of these bugs only after thousands of
        schedules. The tests (`PlantedExplorationTest`)
        check that each failure is the planted bug, that its shrunk replay key reproduces it with the
        same trace twice, and that every fixed version passes %d schedules of each strategy;
        `PlantedBugsDocTest` checks that this table is what the explorations give.

        """.formatted(PlantedExplorations.SEED, PlantedExplorations.DEPTH, PlantedExplorations.BUDGET,
            PlantedExplorations.EXHAUSTIVE_DEPTH, PlantedExplorations.FIXED_SCHEDULES));
    md.append("| Program | The mistake | Shown by | Random walk | PCT | Exhaustive |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (PlantedProgram program : PlantedBugs.all(false)) {
      md.append("| `").append(program.name()).append("` | ").append(program.bug()).append(" | ")
          .append(program.exposedBy());
      for (Strategy strategy : PlantedExplorations.strategies()) {
        md.append(" | ").append(cell(program, strategy));
      }
      md.append(" |\n");
    }
    md.append("""

        Regenerate the table after a change to the programs, the explorer or the choice points:
        `mvn -B -q test -Dtest=PlantedBugsDocTest -Dwsemu.updateDocs=true`.
        """);
    return md.toString();
  }

  private static String cell(PlantedProgram program, Strategy strategy) {
    ExplorationResult result = PlantedExplorations.result(program, strategy);
    Optional<ScheduleFailure> failure = result.failure();
    if (failure.isEmpty()) {
      return "not found in " + result.schedulesRun() + (result.exhausted() ? " (exhausted)" : "");
    }
    return String.valueOf(failure.get().schedule() + 1);
  }
}
