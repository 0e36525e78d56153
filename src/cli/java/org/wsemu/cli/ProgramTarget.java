package org.wsemu.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import org.wsemu.explore.ScheduledProgram;
import org.wsemu.samples.demos.Demonstration;
import org.wsemu.samples.demos.Demonstrations;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What {@code wsemu explore} explores, from its {@code DEMO|CLASS} argument: a demonstration of the
 * catalogue, whose schedule fails when its run does not show its rule (or its program throws), or
 * a class implementing {@link ScheduledProgram} with a public no-argument constructor, instantiated
 * afresh for each schedule, so that its fields are never shared between schedules running at once.
 *
 * <p>Immutable; {@link #program()} is called on the explorer's threads, several at once.
 *
 * @param name how the output and the file names call it: the demonstration's name, or the class's
 *     simple name
 * @param program the program the explorer runs
 */
record ProgramTarget(String name, ScheduledProgram program) {
  /** Where a demonstration's printed lines go during an exploration: nowhere. */
  private static final PrintWriter DISCARDED = new PrintWriter(OutputStream.nullOutputStream());

  /**
   * The program {@code target} names: a demonstration if one has that name, else a class.
   *
   * @throws ParameterException naming what is wrong, with the nearest demonstration names for a
   *     name that is neither
   */
  static ProgramTarget resolve(String target, CommandLine cli) {
    Demonstration demo = Demonstrations.find(target).orElse(null);
    if (demo != null) {
      return of(demo);
    }
    Class<?> type;
    try {
      type = Class.forName(target, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      List<String> nearest = Demonstrations.nearest(target, DemoCommand.SUGGESTIONS);
      throw new ParameterException(cli, "'" + target + "' is neither a demonstration nor a class on the class path"
          + (target.contains(".") ? "" : "; did you mean: " + String.join(", ", nearest) + "?")
          + " (wsemu demo --list shows the demonstrations)");
    }
    if (!ScheduledProgram.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new ParameterException(cli, "class " + target + " is not a concrete class implementing "
          + ScheduledProgram.class.getName());
    }
    Constructor<? extends ScheduledProgram> constructor;
    try {
      constructor = type.asSubclass(ScheduledProgram.class).getConstructor();
    } catch (NoSuchMethodException e) {
      throw new ParameterException(cli, "class " + target + " has no public no-argument constructor");
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new ParameterException(cli, "class " + target + " is not public");
    }
    return new ProgramTarget(type.getSimpleName(), builder -> instance(constructor).run(builder));
  }

  /** {@code demo} as a program to explore: its schedule fails when the run does not show its rule. */
  static ProgramTarget of(Demonstration demo) {
    return new ProgramTarget(demo.name(), builder -> {
      if (!Demonstrations.run(demo, builder, DISCARDED)) {
        throw new AssertionError(demo.name() + ": the run did not show the rule: " + demo.rule());
      }
    });
  }

  /** A fresh instance; what its constructor threw, unwrapped. */
  private static ScheduledProgram instance(Constructor<? extends ScheduledProgram> constructor) throws Exception {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
