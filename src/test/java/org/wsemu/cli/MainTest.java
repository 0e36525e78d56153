package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wsemu.cli.CommandLines.Result;

/** The command line itself: bad values, help, version, enum spelling. */
@Timeout(30)
class MainTest {

  /** Exit code 2, nothing on stdout, and exactly one line on stderr that contains {@code expected}. */
  static void refused(Result result, String expected) {
    assertEquals(2, result.exit(), result.toString());
    assertEquals("", result.out(), result.toString());
    assertTrue(result.err().endsWith("\n") && result.err().indexOf('\n') == result.err().length() - 1,
        "one line: " + result.err());
    assertTrue(result.err().contains(expected), result.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "9", "60001", "2147483647", "-2147483648"})
  void aTimeoutOutsideTenMillisecondsToAMinuteIsRefusedWithOneLine(String timeout) {
    Result result = run("client", "--network", "SIMULATED", "--timeout", timeout);
    refused(result, "--timeout must be between 10 and 60000 ms, not " + timeout);
  }

  @Test
  void aTimeoutThatIsNotANumberIsRefusedWithOneLine() {
    refused(run("client", "--timeout", "abc"), "'abc' is not an int");
  }

  @Test
  void theSmallestTimeoutIsSetTimersMinimumAndRuns() {
    Result result = run("client", "--network", "SIMULATED", "--async", "--timeout", "10");
    assertEquals(0, result.exit(), result.toString());
    assertTrue(result.out().contains("[t=   10 ms] quote: no answer within 10 ms; the socket was closed (closesocket)"),
        result.out());
  }

  @Test
  void enumValuesAreCaseInsensitive() {
    Result demo = run("demo", "--mode", "win16");
    assertEquals(0, demo.exit(), demo.toString());
    assertTrue(demo.out().startsWith("wsemu demo: two applications, WIN16 scheduling, virtual clock\n"), demo.out());
    Result client = run("client", "--network", "Simulated", "--mode", "win32", "--timeout", "400");
    assertEquals(0, client.exit(), client.toString());
    assertTrue(client.out().contains("client timeout 400 ms (WIN32)"), client.out());
  }

  @Test
  void anUnknownEnumValueIsRefusedWithOneLineListingTheChoices() {
    refused(run("demo", "--mode", "WIN95"), "expected one of [WIN16, WIN32] (case-insensitive) but was 'WIN95'");
    refused(run("client", "--network", "wifi"), "expected one of [REAL, SIMULATED] (case-insensitive) but was 'wifi'");
  }

  @Test
  void anUnknownOptionOrCommandIsRefusedWithOneLine() {
    refused(run("demo", "--bogus"), "Unknown option: '--bogus'");
    refused(run("bogus"), "'bogus'");
  }

  @Test
  void theHelpSubcommandShowsTheCommandsAndEachCommandsOptions() {
    Result help = run("help");
    assertEquals(0, help.exit(), help.toString());
    assertTrue(help.out().startsWith("Usage: wsemu [-hV] [COMMAND]"), help.out());
    assertTrue(help.out().contains("  client  "), help.out());
    assertTrue(help.out().contains("  help    "), help.out());
    Result client = run("help", "client");
    assertEquals(0, client.exit(), client.toString());
    assertTrue(client.out().startsWith("Usage: wsemu client "), client.out());
    assertTrue(client.out().contains("--timeout=<ms>"), client.out());
  }

  @Test
  void withoutACommandItSaysSoAndShowsTheUsage() {
    Result result = run();
    assertEquals(2, result.exit(), result.toString());
    assertTrue(result.err().startsWith("wsemu: Missing required subcommand\nUsage: wsemu "), result.err());
  }

  @Test
  void theVersionIsTheBuildsVersion() throws IOException {
    String expected = "wsemu " + pomVersion() + "\n";
    assertEquals(new Result(0, expected, ""), run("--version"));
    assertEquals(new Result(0, expected, ""), run("client", "--version"));
    assertEquals(new Result(0, expected, ""), run("demo", "-V"));
  }

  /** The project's own version, as the build file says (the tests run in the project directory). */
  private static String pomVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<artifactId>wsemu</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertTrue(m.find(), "the project version in pom.xml");
    return m.group(1);
  }
}
