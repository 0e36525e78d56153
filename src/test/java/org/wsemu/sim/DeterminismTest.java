package org.wsemu.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same program with the same seed gives the same trace, byte for byte. */
class DeterminismTest {
  private static final long SEED = 1234;

  @Test
  @Timeout(120)
  void fiftyRunsInOneJvmGiveTheSameTrace() throws Exception {
    String first = DeterminismProgram.run(SEED);
    assertTrue(first.contains(" FAULT ") && first.contains(" NET ") && first.contains(" HOOK "),
        "the program exercises faults, the network and hooks");
    for (int i = 1; i < 50; i++) {
      String again = DeterminismProgram.run(SEED);
      assertEquals(first, again, "run " + i + " differs");
    }
  }

  @Test
  @Timeout(120)
  void anotherJvmGivesTheSameTrace() throws Exception {
    String here = DeterminismProgram.hash(DeterminismProgram.run(SEED));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        DeterminismProgram.class.getName(), Long.toString(SEED)));
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = read(process);
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the second JVM did not finish");
    assertEquals(0, process.exitValue());
    assertEquals(here, output.strip());
  }

  @Test
  @Timeout(60)
  void anotherSeedGivesAnotherTrace() throws Exception {
    assertNotEquals(DeterminismProgram.run(SEED), DeterminismProgram.run(SEED + 1));
  }

  private static String read(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
