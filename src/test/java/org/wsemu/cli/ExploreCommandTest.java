package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.ScheduleRun;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.trace.TraceFiles;

/** {@code wsemu explore}: exit codes, the printed keys replay the same trace, usage errors, the progress line. */
@Timeout(120)
class ExploreCommandTest {
  private static final String BUGGY = InitOrderProgram.class.getName();
  private static final String FIXED = InitOrderProgram.Fixed.class.getName();

  /** The {@code name: value} lines of the output. */
  private static Map<String, String> fields(String out) {
    return out.lines().filter(l -> l.matches("[a-z ]+: .*"))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2), (a, b) -> a));
  }

  @Test
  void aFailingProgramExitsWith1AndPrintsItsSeedKeysAndFiles(@TempDir Path dir) {
    CommandLines.Result result = run("explore", BUGGY, "--schedules", "50", "--jobs", "1", "--seed", "2", "--output", dir.toString());
    assertEquals(1, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals("wsemu explore InitOrderProgram: random-walk, 50 schedules, seed 2, 1 job", lines.get(0));
    Matcher failed = Pattern.compile("schedule (\\d+) failed \\((\\d+) schedules? run\\): java.lang.AssertionError: use ran before init")
        .matcher(lines.get(1));
    assertTrue(failed.matches(), lines.get(1));
    int schedule = Integer.parseInt(failed.group(1));
    assertEquals(schedule + 1, Integer.parseInt(failed.group(2)), "it stops at the first failing schedule");
    Map<String, String> fields = fields(result.out());
    long seed = 2 + schedule;
    assertEquals(String.valueOf(seed), fields.get("seed"));
    assertEquals("random-walk:" + seed, fields.get("replay key"));
    assertEquals("choices:" + seed + ":1 (1 of 1 choices not the default)", fields.get("shrunk key"),
        "the choices that do not matter shrunk away: the one left runs use first");
    String shrunk = fields.get("shrunk key").split(" ")[0];
    assertEquals(dir, Path.of(fields.get("trace")).getParent(), "the trace is written to --output");
    assertTrue(fields.get("trace").endsWith(".txt") && fields.get("diagram").endsWith(".html"), fields.toString());
    assertTrue(Files.isRegularFile(Path.of(fields.get("trace"))), fields.get("trace"));
    assertTrue(Files.isRegularFile(Path.of(fields.get("diagram"))), fields.get("diagram"));
    assertEquals("replay with: wsemu explore " + BUGGY + " --replay " + shrunk, lines.get(lines.size() - 1));
  }

  @Test
  void thePrintedKeysReplayTheSameTraceAndFail(@TempDir Path dir) throws IOException {
    CommandLines.Result found = run("explore", BUGGY, "--schedules", "50", "--jobs", "2", "--output", dir.resolve("found").toString());
    assertEquals(1, found.exit(), found.toString());
    Map<String, String> fields = fields(found.out());
    String shrunk = fields.get("shrunk key").split(" ")[0];
    byte[] explored = Files.readAllBytes(Path.of(fields.get("trace")));

    Path replayed = dir.resolve("replayed");
    CommandLines.Result replay = run("explore", BUGGY, "--replay", shrunk, "--output", replayed.toString());
    assertEquals(1, replay.exit(), replay.toString());
    Path text = replayed.resolve("InitOrderProgram-replay.txt");
    assertEquals(List.of("trace: " + text, "trace: " + replayed.resolve("InitOrderProgram-replay.jsonl"),
        "diagram: " + replayed.resolve("InitOrderProgram-replay.html"),
        "the schedule failed: java.lang.AssertionError: use ran before init"), replay.out().lines().toList());
    assertArrayEquals(explored, Files.readAllBytes(text), "the shrunk key replays the trace written, byte for byte");
    Path exploredJson = Path.of(fields.get("trace").replaceAll("\\.txt$", ".jsonl"));
    assertArrayEquals(Files.readAllBytes(exploredJson), Files.readAllBytes(replayed.resolve("InitOrderProgram-replay.jsonl")));
    assertEquals(TraceFiles.read(text).size(), TraceFiles.read(exploredJson).size());

    // the key of the schedule as found replays too, and fails the same way; without --output its trace is printed
    CommandLines.Result original = run("explore", BUGGY, "--replay", fields.get("replay key"));
    assertEquals(1, original.exit(), original.toString());
    assertTrue(original.out().endsWith("the schedule failed: java.lang.AssertionError: use ran before init\n"), original.out());
    assertTrue(original.out().contains(" TASK start"), original.out());

    // and so does its bare seed (--replay SEED), with the strategy: the same printed trace
    CommandLines.Result bySeed = run("explore", BUGGY, "--replay", fields.get("seed"));
    assertEquals(1, bySeed.exit(), bySeed.toString());
    assertEquals(original.out(), bySeed.out());
  }

  @Test
  void withoutShrinkingTheShrunkKeyIsTheKeyAsFound(@TempDir Path dir) {
    CommandLines.Result result = run("explore", BUGGY, "--schedules", "50", "--jobs", "1", "--seed", "2", "--no-shrink",
        "--output", dir.toString());
    assertEquals(1, result.exit(), result.toString());
    Map<String, String> fields = fields(result.out());
    assertTrue(fields.get("shrunk key").startsWith(fields.get("replay key") + " ("), fields.toString());
    assertTrue(fields.get("replay key").startsWith("random-walk:"), fields.toString());
  }

  @Test
  void theDefaultScheduleReplaysAndPasses() {
    CommandLines.Result replay = run("explore", BUGGY, "--replay", "choices:1:");
    assertEquals(0, replay.exit(), replay.toString());
    assertTrue(replay.out().endsWith("\nthe schedule passed\n"), replay.out());
  }

  @Test
  void theFixedProgramExitsWith0(@TempDir Path dir) {
    CommandLines.Result result = run("explore", FIXED, "--schedules", "40", "--jobs", "2", "--strategy", "pct", "--seed", "9",
        "--output", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    assertEquals("wsemu explore Fixed: pct, 40 schedules, seed 9, depth 3, 2 jobs", lines.get(0));
    assertTrue(lines.get(1).matches("no failure in 40 schedules \\(\\d+ distinct traces?, \\d+\\.\\d s\\)"), lines.get(1));
    assertEquals(2, lines.size(), result.out());
  }

  @Test
  void anExhaustiveSearchSaysWhenItRanTheWholeTree(@TempDir Path dir) {
    CommandLines.Result result = run("explore", FIXED, "--schedules", "1000", "--strategy", "EXHAUSTIVE", "--no-shrink",
        "--output", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    String last = result.out().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.matches("no failure in \\d+ schedules, every schedule of the bounded tree \\(\\d+ distinct traces?, \\d+\\.\\d s\\)"), last);
  }

  @Test
  void aDemonstrationIsExploredByName(@TempDir Path dir) {
    CommandLines.Result result = run("explore", "message-loop", "--schedules", "3", "--jobs", "1", "--output", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    assertEquals("wsemu explore message-loop: random-walk, 3 schedules, seed 1, 1 job", result.out().lines().findFirst().orElseThrow());
    assertTrue(result.out().contains("no failure in 3 schedules"), result.out());
  }

  @Test
  void aDemonstrationWhosePollerMayStartFirstPassesEverySchedule(@TempDir Path dir) {
    CommandLines.Result result = run("explore", "select-zero-timeout", "--schedules", "10", "--jobs", "1",
        "--output", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("no failure in 10 schedules"), result.out());
  }

  @Test
  @Timeout(60)
  void aDemonstrationRunThatDoesNotShowItsRuleFailsItsSchedule() {
    Demonstration neverShown = new Demonstration("never-shown", "A rule no run shows", "nowhere", "Returns false.",
        (emu, network, out) -> {
          emu.createTask("t", () -> 0);
          Demonstrations.startAndAwait(emu);
          return false;
        });
    ScheduleRun run = Explorer.replay("choices:1:", ProgramTarget.of(neverShown).program());
    assertTrue(run.failure().orElseThrow() instanceof AssertionError, run.toString());
    assertEquals("never-shown: the run did not show the rule: A rule no run shows", run.failure().get().getMessage());
  }

  @Test
  void theProgressLineEndsWithTheTotals(@TempDir Path dir) {
    AtomicLong nanos = new AtomicLong();
    CommandLines.Result result = run(cli -> ((ExploreCommand) cli.getSubcommands().get("explore").getCommand()).progress =
        (what, err) -> new ExploreProgress(what, err, nanos::get), "explore", FIXED, "--schedules", "5", "--jobs", "1",
        "--output", dir.toString());
    assertEquals(0, result.exit(), result.toString());
    String err = result.err().replace(System.lineSeparator(), "\n");
    assertTrue(err.startsWith("\rwsemu explore Fixed: "), err);
    assertTrue(err.matches("(?s).*\rwsemu explore Fixed: 5/5 schedules, [0-9,.]+ schedules/s, \\d+ distinct traces?, \\d+ s *\n"), err);
  }

  @Test
  void usageErrorsExitWith2InOneLine() {
    Map<List<String>, String> cases = Map.of(
        List.of("explore", "nested-blockin-call"), "'nested-blockin-call' is neither a demonstration nor a class on the class path;"
            + " did you mean: nested-blocking-call",
        List.of("explore", "org.example.Missing"), "'org.example.Missing' is neither a demonstration nor a class on the class path"
            + " (wsemu demo --list shows the demonstrations)",
        List.of("explore", InitOrderProgram.NotAProgram.class.getName()), "is not a concrete class implementing org.wsemu.explore.ScheduledProgram",
        List.of("explore", InitOrderProgram.NeedsAnArgument.class.getName()), "has no public no-argument constructor",
        List.of("explore", FIXED, "--schedules", "0"), "--schedules must be at least 1: 0",
        List.of("explore", FIXED, "--depth", "0"), "--depth must be at least 1: 0",
        List.of("explore", FIXED, "--jobs", "0"), "--jobs must be at least 1: 0",
        List.of("explore", FIXED, "--strategy", "dfs"), "unknown strategy 'dfs' (random-walk, pct or exhaustive)",
        List.of("explore", FIXED, "--replay", "nonsense"), "not a replay key or seed: nonsense",
        List.of("explore"), "Missing required parameter: 'DEMO|CLASS'");
    for (Map.Entry<List<String>, String> c : cases.entrySet()) {
      CommandLines.Result result = run(c.getKey().toArray(String[]::new));
      assertEquals(2, result.exit(), c.getKey() + ": " + result);
      assertEquals("", result.out(), c.getKey() + ": " + result);
      String first = result.err().lines().findFirst().orElseThrow();
      assertTrue(first.startsWith("wsemu explore: ") && first.contains(c.getValue()), c.getKey() + ": " + result.err());
    }
  }

  @Test
  void theHelpListsTheCommandAndItsOptions() {
    assertTrue(run(0, "help").contains("  explore "));
    String help = run(0, "help", "explore");
    assertTrue(help.startsWith("Usage: wsemu explore [-hV] [--no-shrink] [--depth=D] [--jobs=J] [--output=DIR]"), help);
    assertTrue(help.contains("--strategy=STRATEGY   random-walk, pct or exhaustive. Default:"), help);
  }

  @Test
  void anOutputThatIsAFileIsAUsageError(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "x");
    CommandLines.Result result = run("explore", FIXED, "--output", file.toString());
    assertEquals(2, result.exit(), result.toString());
    assertEquals("wsemu explore: --output must be a directory: " + file + " is a file", result.err().strip());

    Path under = file.resolve("sub");                        // not there yet, and cannot be: found when a failure is written
    CommandLines.Result failed = run("explore", BUGGY, "--schedules", "5", "--jobs", "1", "--output", under.toString());
    assertEquals(2, failed.exit(), failed.toString());
    String last = failed.err().lines().reduce((a, b) -> b).orElseThrow();   // after the progress line, if any
    assertTrue(last.startsWith("wsemu explore: cannot write the failing schedule's files into " + under + ": "), failed.err());
  }
}
