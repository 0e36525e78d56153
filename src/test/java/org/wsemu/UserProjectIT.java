package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user's project, src/it/finger-test, with only wsemu and JUnit as dependencies, builds and
 * passes its test against the jar this build made, installed as a release would be
 * ({@code .ci/user-project.sh}): the JUnit support works from the published artifact, with a test
 * of about ten lines and no harness.
 *
 * <p>Runs in the project directory after {@code package}, as Failsafe runs it.
 */
class UserProjectIT {
  private static final String VERSION = System.getProperty("wsemu.version");

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theFingerTestOfAUsersProjectPassesOnThePackagedJar() throws IOException, InterruptedException {
    Path log = Files.createTempFile("user-project", ".log");
    Process build = new ProcessBuilder("bash", ".ci/user-project.sh", VERSION)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = build.waitFor();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, exit, output);
    String report = Files.readString(Path.of("src/it/finger-test/target/surefire-reports/example.FingerClientTest.txt"),
        StandardCharsets.UTF_8);
    assertTrue(report.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), report);
    Files.delete(log);
  }
}
