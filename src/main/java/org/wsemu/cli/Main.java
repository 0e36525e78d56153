package org.wsemu.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code wsemu} command line: runs samples and, later, scenarios.
 *
 * <pre>
 * java -jar target/wsemu-cli.jar demo [--mode=WIN16|WIN32] [--trace]
 * </pre>
 *
 * <p>Runs on the main thread; exits the JVM with the command's exit code.
 */
@Command(
    name = "wsemu",
    mixinStandardHelpOptions = true,
    version = "wsemu 0.1.0",
    description = "An emulator of Windows Sockets 1.1 and its pseudo-blocking model.",
    subcommands = {DemoCommand.class, ClientCommand.class})
public final class Main {
  Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    // Before any logger exists: the CLI's own Logback configuration, not a library default.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "org/wsemu/cli/logback-cli.xml");
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
