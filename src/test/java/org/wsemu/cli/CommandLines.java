package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the command line as the jar does, and captures what it prints. */
final class CommandLines {
  private CommandLines() {}

  /** What one execution printed and returned. */
  record Result(int exit, String out, String err) {}

  /** Executes {@code args}. */
  static Result run(String... args) {
    return run(cli -> { }, args);
  }

  /** Executes {@code args} on a command line that {@code configure} has seen first (to set a command's fields). */
  static Result run(Consumer<CommandLine> configure, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    configure.accept(cli);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Executes {@code args}, asserting the exit code; returns what went to standard output. */
  static String run(int expectedExit, String... args) {
    Result result = run(args);
    assertEquals(expectedExit, result.exit(), result.toString());
    return result.out();
  }
}
