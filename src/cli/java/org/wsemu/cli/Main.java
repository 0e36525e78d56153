package org.wsemu.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * The {@code wsemu} command line: runs the samples.
 *
 * <pre>
 * java -jar target/wsemu-cli.jar client [--mode=WIN16|WIN32] [--network=REAL|SIMULATED] [--timeout=MS] [--async] [--trace]
 * java -jar target/wsemu-cli.jar demo --list
 * java -jar target/wsemu-cli.jar demo [NAME] [--mode=WIN16|WIN32] [--trace] [--mermaid] [--diagram=FILE] [--jsonl=FILE]
 *     [--kind=KIND,...] [--task=TASK,...] [--function=NAME,...] [--all]
 * java -jar target/wsemu-cli.jar explore DEMO|CLASS [--schedules=N] [--strategy=random-walk|pct|exhaustive] [--depth=D]
 *     [--seed=S] [--jobs=J] [--output=DIR] [--replay=KEY] [--no-shrink]
 * java -jar target/wsemu-cli.jar render TRACE [--format=mermaid|html] [-o FILE] [--title=TITLE] [filters] [--all]
 * java -jar target/wsemu-cli.jar help [COMMAND]
 * </pre>
 *
 * <p>Enum values are case-insensitive. A bad value or an unknown option is told in one line on
 * standard error and exits with code 2; a command that ran exits with 0 if it did what it shows,
 * 1 otherwise.
 *
 * <p>Runs on the main thread; exits the JVM with the command's exit code.
 */
@Command(
    name = "wsemu",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "An emulator of Windows Sockets 1.1 and its pseudo-blocking model.",
    subcommands = {DemoCommand.class, ExploreCommand.class, RenderCommand.class, ClientCommand.class, HelpCommand.class})
public final class Main {
  Main() {}

  /**
   * The configured command line: case-insensitive enum values, one line for a bad argument, and the
   * trace's column legend at the end of the help of {@code demo} and {@code render}.
   * Each call returns a new instance; use it on one thread.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new OneLine());
    for (String command : new String[] {"demo", "render"}) {
      // a section of its own, not the footer: picocli would re-wrap the legend's columns
      cli.getSubcommands().get(command).getCommandSpec().usageMessage().sectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
          help -> TraceView.legend());
    }
    return cli;
  }

  /** Entry point. */
  public static void main(String[] args) {
    // Before any logger exists: the CLI's own Logback configuration, not a library default.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "org/wsemu/cli/logback-cli.xml");
    }
    System.exit(commandLine().execute(args));
  }

  /**
   * Tells a bad argument in one line, {@code "wsemu client: <what is wrong>"}, and exits with 2;
   * only a missing command also shows the usage, since nothing was wrong but its absence.
   */
  private static final class OneLine implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cli = ex.getCommandLine();
      PrintWriter err = cli.getErr();
      err.println(cli.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
      if (args.length == 0) {
        cli.usage(err, cli.getColorScheme());
      }
      err.flush();
      return cli.getCommandSpec().exitCodeOnInvalidInput();
    }
  }
}
