package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFiles;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceRecorder;
import picocli.CommandLine;

@Timeout(30)
class DemoCommandTest {
  private static final String MESSAGE_LOOP_RULE =
      "Win16 applications share one message system: timers, typed keys and an inter-task SendMessage";

  @Test
  void demoRunsTheSampleAndReportsTheTicks() {
    String out = run(0, "demo");
    assertTrue(out.startsWith("wsemu demo: two applications, WIN16 scheduling, virtual clock\n"), out);
    assertTrue(out.contains("[t= 5000 ms] clock: tick 5\n"), out);
    assertTrue(out.contains("clock quit after 5 ticks;"), out);
  }

  @Test
  void demoWithTracePrintsTheStableTrace() {
    String out = run(0, "demo", "--trace");
    assertTrue(out.contains(" 0001:clock TASK start\n"), "the clock task starts first");
    assertTrue(out.contains(" 0002:typist CALL FindWindow lpClassName=ClockWClass lpWindowName=null ret=0x0100\n"), "typist finds the window");
    // the example of TraceFormat's Javadoc (its sequence number aside)
    assertTrue(out.contains(" t=001000 0001:clock CALL GetMessage hWnd=0x0000 wMsgFilterMin=0 wMsgFilterMax=0"
        + " ret=1 msg=WM_TIMER hwnd=0x0100 wParam=0x0001 lParam=0x00000000\n"), "the first WM_TIMER");
  }

  @Test
  void anUnknownModeIsRejected() {
    CommandLines.Result result = run("demo", "--mode", "WIN95");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("WIN95"), result.err());
  }

  @Test
  void theListShowsEachGroupUnderItsTitleWithTheRulesInOneColumn() {
    CommandLines.Result result = run("demo", "--list");
    assertEquals(new CommandLines.Result(0, result.out(), ""), result);
    List<String> lines = result.out().lines().toList();
    List<String> expected = new ArrayList<>();
    int width = Demonstrations.all().stream().mapToInt(d -> d.name().length()).max().orElseThrow();
    for (Map.Entry<String, List<Demonstration>> group : Demonstrations.groups().entrySet()) {
      if (!group.getValue().isEmpty()) {
        expected.add(group.getKey());
        group.getValue().forEach(d -> expected.add(String.format("  %-" + width + "s  %s", d.name(), d.rule())));
        expected.add("");
      }
    }
    expected.add("Run one with: wsemu demo NAME [--trace] [--diagram FILE] (wsemu demo --help for more)");
    assertEquals(expected, lines);
    // the first lines as a reader sees them: the headline demonstration first
    assertEquals("Blocking calls and the blocking hook", lines.get(0));
    assertEquals(String.format("  %-" + width + "s  %s", "nested-blocking-call",
        Demonstrations.find("nested-blocking-call").orElseThrow().rule()), lines.get(1));
    assertTrue(lines.contains(String.format("  %-" + width + "s  %s", "message-loop", MESSAGE_LOOP_RULE)), lines.toString());
    assertEquals(Demonstrations.all().size() + 1, lines.stream().filter(l -> l.startsWith("  ")).count() + 1);
  }

  @Test
  void theListTakesNoName() {
    MainTest.refused(run("demo", "--list", "message-loop"), "wsemu demo: --list lists every demonstration: give it no NAME");
  }

  @Test
  void anUnknownNameWritesNoFile(@TempDir Path dir) {
    MainTest.refused(run("demo", "nested-call", "--jsonl", dir.resolve("x.jsonl").toString(), "--diagram",
        dir.resolve("x.html").toString()), "unknown demonstration 'nested-call'");
    assertEquals(List.of(), List.of(dir.toFile().list()));
  }

  @Test
  void anUnknownNameIsAUsageErrorWithTheNearestNamesAndTheHintToList() {
    String nearest = String.join(", ", Demonstrations.nearest("nested-call", DemoCommand.SUGGESTIONS));
    CommandLines.Result result = run("demo", "nested-call");
    assertEquals(new CommandLines.Result(2, "", "wsemu demo: unknown demonstration 'nested-call'; did you mean: " + nearest
        + "? (wsemu demo --list shows them all)\n"), result);
    assertTrue(result.err().startsWith("wsemu demo: unknown demonstration 'nested-call'; did you mean: nested-blocking-call, "),
        "each word of the name begins a word of the nearest: " + result.err());
    CommandLines.Result loop = run("demo", "message-lop");
    assertEquals(2, loop.exit(), loop.toString());
    assertTrue(loop.err().startsWith("wsemu demo: unknown demonstration 'message-lop'; did you mean: message-loop"), loop.err());
  }

  @Test
  void aDemonstrationPrintsItsRuleItsProgramsOutputAndWhetherItShowedTheRule() {
    String out = run(0, "demo", "message-loop");
    List<String> lines = out.lines().toList();
    assertEquals("wsemu demo message-loop (WIN16): " + MESSAGE_LOOP_RULE, lines.get(0));
    assertEquals("[t=    0 ms] typist: clock says 0 ticks", lines.get(1));
    assertEquals("[t= 5000 ms] clock: tick 5", lines.get(lines.size() - 2));
    assertEquals("the rule was shown", lines.get(lines.size() - 1));
    assertEquals(out, run(0, "demo", "message-loop"), "the same every time");
  }

  @Test
  void theFiltersNarrowTheTraceByKindTaskAndFunction() throws IOException {
    List<String> golden = Files.readAllLines(Path.of("src/test/resources/goldens/demo-message-loop.trace"));
    List<String> tasks = traceOf(run(0, "demo", "message-loop", "--trace", "--all", "--kind", "task"));
    assertEquals(golden.stream().filter(l -> l.split(" ")[2].equals("TASK")).toList(), tasks);
    assertEquals(6, tasks.size(), tasks.toString());        // two created, started, exited

    List<String> posts = traceOf(run(0, "demo", "message-loop", "--trace", "--all", "--kind", "CALL",
        "--task", "typist", "--function", "PostMessage,SendMessage"));
    assertEquals(golden.stream().filter(l -> l.startsWith("t=000000 0002:typist CALL PostMessage ")
        || l.contains(" 0002:typist CALL SendMessage ")).toList(), posts);
    assertTrue(posts.size() >= 6, posts.toString());        // five keys typed, one question asked
  }

  @Test
  void theTraceCollapsesRepeatedPollingIntoOneLineWithACountUnlessAll() {
    List<String> every = traceOf(run(0, "demo", "message-loop", "--trace", "--all"));
    List<String> readable = traceOf(run(0, "demo", "message-loop", "--trace"));
    assertTrue(readable.size() * 10 < every.size(), readable.size() + " lines of " + every.size());
    List<String> repeats = readable.stream().filter(l -> l.startsWith("... x")).toList();
    assertTrue(!repeats.isEmpty() && repeats.stream().allMatch(l -> l.matches("\\.\\.\\. x\\d+ \\(seq \\d{6}-\\d{6}, t=\\d{6}-\\d{6}\\)")),
        repeats.toString());
    // every line of the readable trace is a line of the whole one, in the same order
    List<String> shown = readable.stream().filter(l -> !l.startsWith("... x")).toList();
    int at = 0;
    for (String line : shown) {
      while (at < every.size() && !every.get(at).equals(line)) {
        at++;
      }
      assertTrue(at < every.size(), "not in the whole trace, in order: " + line);
    }
    assertEquals(every.stream().filter(l -> l.contains(" TASK ")).toList(), shown.stream().filter(l -> l.contains(" TASK ")).toList());
  }

  /** The trace lines of a {@code --trace} output, without their seq, in the golden form (a repeat line stripped). */
  private static List<String> traceOf(String out) {
    List<String> lines = out.lines().toList();
    return lines.subList(lines.indexOf("the rule was shown") + 1, lines.size()).stream()
        .map(l -> l.startsWith(" ") ? l.strip() : l.substring(l.indexOf(' ') + 1)).toList();
  }

  @Test
  void mermaidPrintsTheSequenceDiagramAfterTheRun() {
    List<String> lines = run(0, "demo", "message-loop", "--mermaid").lines().toList();
    assertEquals("sequenceDiagram", lines.get(lines.indexOf("the rule was shown") + 1));
  }

  @Test
  void theDiagramIsWrittenToTheFileWhosePathIsTheLastLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/dir/message-loop.html");
    List<String> lines = run(0, "demo", "message-loop", "--diagram", file.toString()).lines().toList();
    assertEquals("diagram: " + file.toAbsolutePath(), lines.get(lines.size() - 1));
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(html.contains("<svg"), html);
    assertTrue(html.contains("message-loop"), "the title");
  }

  @Test
  void theJsonLinesFileReadsBackAsTheTraceThatWasPrinted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("message-loop.jsonl");
    List<String> lines = run(0, "demo", "message-loop", "--trace", "--all", "--jsonl", file.toString()).lines().toList();
    String last = lines.get(lines.size() - 1);
    int printed = lines.indexOf("the rule was shown") + 1;
    List<String> trace = lines.subList(printed, lines.size() - 1);
    assertEquals("trace: " + file.toAbsolutePath() + " (" + trace.size() + " events)", last);
    assertEquals(trace, TraceFormat.lines(TraceFiles.read(file)).lines().toList());
  }

  @Test
  void aFileThatCannotBeWrittenIsTold(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("taken.html"));
    MainTest.refused(run("demo", "message-loop", "--diagram", dir.resolve("taken.html").toString()),
        "wsemu demo: cannot write " + dir.resolve("taken.html").toAbsolutePath() + ": it is a directory");
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    MainTest.refused(run("demo", "message-loop", "--jsonl", file.resolve("x.jsonl").toString()),
        "wsemu demo: cannot write " + file.resolve("x.jsonl").toAbsolutePath() + ": ");
  }

  @Test
  void theReadmesMainJobRunsTheHeadlineDemonstrationAndEndsWithTheDiagramsPath() throws IOException {
    String prefix = "mvn -B -q -DskipTests package && java -jar target/wsemu-cli.jar ";
    List<String> jobs = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith(prefix + "demo ")).toList();
    assertEquals(1, jobs.size(), "one main job: " + jobs);
    String[] args = jobs.get(0).substring(prefix.length()).split(" ");
    assertEquals(List.of("demo", "nested-blocking-call", "--diagram", "target/nested-blocking-call.html"), List.of(args));
    List<String> lines = run(0, args).lines().toList();
    assertEquals("diagram: " + Path.of("target/nested-blocking-call.html").toAbsolutePath(), lines.get(lines.size() - 1));
    assertTrue(lines.get(0).startsWith("wsemu demo nested-blocking-call (WIN16): "), lines.get(0));
    assertTrue(Files.readString(Path.of("target/nested-blocking-call.html")).contains("WSAEINPROGRESS"), "the refused call is drawn");
  }

  @Test
  void theTraceKeepsTheLatestEventsUpToTheCapAndJsonLinesWritesThemAll(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("all.jsonl");
    CommandLines.Result result = CommandLines.run(cli -> ((DemoCommand) cli.getSubcommands().get("demo").getCommand()).cap = 1_000,
        "demo", "message-loop", "--trace", "--all", "--jsonl", file.toString());
    assertEquals(0, result.exit(), result.toString());
    List<String> lines = result.out().lines().toList();
    int first = lines.indexOf("the rule was shown") + 1;
    List<TraceEvent> all = TraceFiles.read(file);
    assertTrue(all.size() > 5_000, "the whole run: " + all.size());
    assertEquals(String.format(Locale.ROOT, "# %,d earlier events dropped (the trace keeps the latest 1,000; --jsonl FILE writes them all)",
        all.size() - 1_000), lines.get(first));
    assertEquals(TraceFormat.lines(all.subList(all.size() - 1_000, all.size())).lines().toList(), lines.subList(first + 1, lines.size() - 1));
    assertEquals("trace: " + file.toAbsolutePath() + " (" + all.size() + " events)", lines.get(lines.size() - 1));
  }

  @Test
  void theHelpSaysWhatTheCapIsAndEndsWithTheLegend() {
    assertEquals(String.format(Locale.ROOT, "%,d", TraceRecorder.DEFAULT_CAPACITY), DemoRun.CAP_TEXT);
    assertEquals(TraceRecorder.DEFAULT_CAPACITY, DemoRun.CAP);
    for (String command : List.of("demo", "render")) {
      String help = run(0, command, "--help");
      assertTrue(help.replace(System.lineSeparator(), "\n").endsWith("\n" + TraceFormat.LEGEND), help);
      assertEquals(help, run(0, "help", command));
    }
    assertTrue(run(0, "demo", "--help").replaceAll("\\s+", " ").contains("The trace is held in memory up to the last 100,000 events"));
  }

  @Test
  void functionKeepsTheEventsNamedAfterTheFunctionsWhateverTheirKind() throws IOException {
    List<String> golden = Files.readAllLines(Path.of("src/test/resources/goldens/demo-message-loop.trace"));
    List<String> sends = traceOf(run(0, "demo", "message-loop", "--trace", "--all", "--function", "SendMessage"));
    assertEquals(golden.stream().filter(l -> l.split(" ")[3].equals("SendMessage")).toList(), sends);
    assertEquals(List.of("SWITCH", "CALL"), sends.stream().map(l -> l.split(" ")[2]).distinct().toList(), sends.toString());
  }

  @Test
  void progressIsShownOnStandardErrorOnlyPastTheThreshold() {
    AtomicLong nanos = new AtomicLong();
    CommandLines.Result quick = run(withClock(nanos, 999), "demo", "message-loop");
    assertEquals(new CommandLines.Result(0, run(0, "demo", "message-loop"), ""), quick);

    CommandLines.Result slow = run(withClock(nanos, 2_000), "demo", "message-loop");
    assertEquals(0, slow.exit(), slow.toString());
    assertTrue(slow.err().matches("\rwsemu demo message-loop: 2 s, [0-9,]+ trace events, t=5000 ms\\R"), slow.err());
    assertEquals(quick.out(), slow.out(), "nothing of it on standard output");
  }

  /** Progress meters whose clock reads {@code millis} later from the second reading on (the first is the start). */
  private static java.util.function.Consumer<CommandLine> withClock(AtomicLong nanos, long millis) {
    return cli -> {
      DemoCommand demo = cli.getSubcommands().get("demo").getCommand();
      demo.progress = (what, err) -> {
        nanos.set(0);
        Progress meter = new Progress(what, err, () -> nanos.getAndSet(TimeUnit.MILLISECONDS.toNanos(millis)), Progress.THRESHOLD);
        return meter;
      };
    };
  }
}
