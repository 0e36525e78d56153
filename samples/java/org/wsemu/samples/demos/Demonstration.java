package org.wsemu.samples.demos;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;

/**
 * One runnable demonstration of a reentrancy rule: a small program written the way Win16 and Win32
 * programs were, with the rule it shows, where the rule is written down, and a paragraph that
 * explains what to look for in its trace.
 *
 * <p>{@link Demonstrations#run} builds a fresh emulator on a fresh simulated network for each run,
 * applies {@link #setup}, and calls {@link #program}. In Win16 mode the run is deterministic: the
 * same trace, byte for byte, on every run (its golden trace is checked by a test).
 *
 * <p>Immutable and thread-safe; the program itself runs its tasks on the emulator's threads.
 *
 * @param name the demonstration's name on the command line: lower case words joined by hyphens
 * @param rule the rule in one line, as {@code wsemu demo --list} prints it
 * @param source where the rule is written down: a section of the Windows Sockets 1.1
 *     specification or a Microsoft documentation page (with its address)
 * @param explanation one paragraph: what the program does and what its trace shows
 * @param setup emulator options the program needs (hosts, lookup latency, hook options), applied to
 *     a builder that already has the name, mode, simulated network and trace sink
 * @param program the program
 */
public record Demonstration(String name, String rule, String source, String explanation,
    UnaryOperator<Emulator.Builder> setup, Program program) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Checks the parts. */
  public Demonstration {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a demonstration name: " + name);
    }
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(program, "program");
  }

  /** A demonstration that needs no emulator options beyond the defaults. */
  public Demonstration(String name, String rule, String source, String explanation, Program program) {
    this(name, rule, source, explanation, UnaryOperator.identity(), program);
  }

  /**
   * The program of a demonstration: creates its tasks on {@code emu} (built, not started), starts
   * it, waits for the tasks (see {@link Demonstrations#startAndAwait}), prints what happened to
   * {@code out}, and says whether the run showed what it should.
   */
  @FunctionalInterface
  public interface Program {
    /**
     * Runs the program.
     *
     * @param emu the emulator, not started yet
     * @param network its simulated network, for peers ({@code listen}, {@code connect}) and faults
     * @param out where the program prints, one line per thing that happened
     * @return whether the run showed the rule (the command line's exit code is 0 then, 1 otherwise)
     * @throws Exception when the program fails; the command line reports it
     */
    boolean run(Emulator emu, SimulatedNetwork network, PrintWriter out) throws Exception;
  }
}
