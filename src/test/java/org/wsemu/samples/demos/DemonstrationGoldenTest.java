package org.wsemu.samples.demos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wsemu.task.SchedulingMode;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.Goldens;
import org.wsemu.trace.TraceRecorder;

/**
 * Every demonstration of the catalogue, in Win16 mode on the simulated network: it shows its rule
 * (its program returns true) and its trace is its golden trace, {@code goldens/demo-NAME.trace}.
 * Run with {@code -Dwsemu.updateGoldens=true} to rewrite them after a deliberate change, then read
 * the diff.
 */
class DemonstrationGoldenTest {

  static Stream<String> names() {
    return Demonstrations.all().stream().map(Demonstration::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  @Timeout(60)
  void showsItsRuleWithItsGoldenTrace(String name) throws Exception {
    Demonstration demo = Demonstrations.find(name).orElseThrow();
    TraceRecorder recorder = new TraceRecorder();
    StringWriter printed = new StringWriter();

    boolean shown = Demonstrations.run(demo, SchedulingMode.WIN16, recorder, new PrintWriter(printed));

    assertTrue(shown, () -> name + " did not show its rule; it printed:\n" + printed);
    Goldens.assertMatchesGolden(recorder, "demo-" + name, GoldenFilter.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  @Timeout(60)
  void printsTheSameOnEveryRun(String name) throws Exception {
    Demonstration demo = Demonstrations.find(name).orElseThrow();
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    Demonstrations.run(demo, SchedulingMode.WIN16, e -> { }, new PrintWriter(first));
    Demonstrations.run(demo, SchedulingMode.WIN16, e -> { }, new PrintWriter(second));
    org.junit.jupiter.api.Assertions.assertEquals(first.toString(), second.toString());
  }
}
