package org.wsemu.junit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.wsemu.Emulator;
import org.wsemu.diagram.SequenceDiagram;
import org.wsemu.explore.ExplorationResult;
import org.wsemu.explore.Explorer;
import org.wsemu.explore.ScheduleRun;
import org.wsemu.explore.ScheduledProgram;
import org.wsemu.trace.TraceFiles;

/**
 * The extension behind {@link Explore}; tests name the annotation rather than this class. It
 * resolves the method's {@code Emulator.Builder} parameter with a placeholder, then, in place of
 * JUnit's one call of the method, runs the {@link Explorer} with a program that calls the method
 * with each schedule's builder, and fails the test with the explorer's summary when a schedule
 * fails. With {@link Explore#replay()} it runs that one schedule instead.
 *
 * <p>Stateless and thread-safe; the method is called on the explorer's threads.
 */
public final class ExploreExtension implements ParameterResolver, InvocationInterceptor {
  /** The system property that moves the directory of the exploration's files. */
  static final String DIR_PROPERTY = "wsemu.exploreDir";
  /** The system property that overrides every {@link Explore#schedules()}. */
  static final String SCHEDULES_PROPERTY = "wsemu.explore.schedules";
  /** The system property that overrides every {@link Explore#seed()}. */
  static final String SEED_PROPERTY = "wsemu.explore.seed";

  /** The extension as {@link Explore} registers it. */
  public ExploreExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Emulator.Builder.class
        && parameter.getDeclaringExecutable() instanceof Method method && AnnotationSupport.isAnnotated(method, Explore.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return Emulator.builder();                              // a placeholder: each schedule gets its own
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    Method method = call.getExecutable();
    Explore explore = AnnotationSupport.findAnnotation(method, Explore.class).orElse(null);
    if (explore == null) {                                  // registered by hand on another test: not ours
      invocation.proceed();
      return;
    }
    invocation.skip();
    ScheduledProgram program = program(method, call);
    Path dir = directory(context);
    if (!explore.replay().isEmpty()) {
      replay(explore, program, dir);
      return;
    }
    ExplorationResult result = explorer(explore, dir).explore(program);
    if (result.failure().isPresent()) {
      throw new AssertionError(result.summary() + System.lineSeparator() + "Replay it alone with @Explore(replay = \""
          + result.failure().get().shrunkReplayKey() + "\")", result.failure().get().cause());
    }
    context.publishReportEntry("wsemu.explore", String.format(Locale.ROOT, "%,d schedules, %,d distinct traces, %d ms",
        result.schedulesRun(), result.distinctTraces(), result.elapsed().toMillis()));
  }

  /** The explorer {@code explore} describes, its files under {@code dir}. */
  static Explorer explorer(Explore explore, Path dir) {
    long schedules = property(SCHEDULES_PROPERTY, explore.schedules());
    long seed = property(SEED_PROPERTY, explore.seed());
    require(schedules >= 1 && schedules <= Integer.MAX_VALUE, "@Explore(schedules) must be from 1 to "
        + Integer.MAX_VALUE + ": " + schedules);
    require(explore.depth() >= 1, "@Explore(depth) must be at least 1: " + explore.depth());
    require(explore.parallelism() >= 1, "@Explore(parallelism) must be at least 1: " + explore.parallelism());
    return Explorer.builder().strategy(explore.strategy()).schedules((int) schedules).seed(seed).depth(explore.depth())
        .parallelism(explore.parallelism()).shrink(explore.shrink()).output(dir).build();
  }

  /**
   * Runs the schedule of {@code key}; fails with its failure, after writing its trace to {@code dir}
   * ({@code replay.txt}, {@code replay.jsonl}) and its sequence diagram ({@code replay.html}).
   */
  private static void replay(Explore explore, ScheduledProgram program, Path dir) {
    String key = explore.replay();
    ScheduleRun run;
    try {
      run = Explorer.replay(key, explore.strategy(), explore.depth(), program);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@Explore(replay) is not a replay key or seed: " + key + " (" + e.getMessage() + ")", e);
    }
    if (run.failure().isEmpty()) {
      return;
    }
    Path file = dir.resolve("replay.txt");
    String written;
    try {
      Files.createDirectories(dir);
      TraceFiles.writeText(run.trace(), file);
      TraceFiles.writeJsonLines(run.trace(), dir.resolve("replay.jsonl"));
      Files.writeString(dir.resolve("replay.html"), SequenceDiagram.html(run.trace(), "replay " + key), StandardCharsets.UTF_8);
      written = "its trace is in " + file + " (and replay.jsonl, its diagram in replay.html)";
    } catch (IOException | RuntimeException e) {
      written = "its trace could not be written to " + file + ": " + e;
    }
    throw new AssertionError("the replayed schedule " + key + " failed: " + run.failure().get() + "; " + written,
        run.failure().get());
  }

  /** The program: the method, called on the test instance with the schedule's builder and the other arguments as resolved. */
  private static ScheduledProgram program(Method method, ReflectiveInvocationContext<Method> call) {
    List<Object> resolved = call.getArguments();
    Class<?>[] types = method.getParameterTypes();
    int index = -1;
    for (int i = 0; i < types.length; i++) {
      if (types[i] == Emulator.Builder.class) {
        require(index < 0, "@Explore method " + method.getName() + " takes more than one Emulator.Builder");
        index = i;
      }
    }
    require(index >= 0, "@Explore method " + method.getName() + " needs an Emulator.Builder parameter");
    int builderIndex = index;
    Object target = call.getTarget().orElse(null);
    method.setAccessible(true);
    return builder -> {
      Object[] arguments = resolved.toArray();
      arguments[builderIndex] = builder;
      try {
        method.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception) {
          throw exception;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw e;
      }
    };
  }

  /** {@code target/wsemu-explore/<class>/<method>/}. */
  private static Path directory(ExtensionContext context) {
    return Path.of(System.getProperty(DIR_PROPERTY, "target/wsemu-explore"))
        .resolve(context.getRequiredTestClass().getName()).resolve(context.getRequiredTestMethod().getName())
        .toAbsolutePath().normalize();
  }

  private static long property(String name, long declared) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return declared;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ExtensionConfigurationException("system property " + name + " is not a number: " + value, e);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ExtensionConfigurationException(message);
    }
  }
}
