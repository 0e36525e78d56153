package org.wsemu.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.wsemu.Emulator;
import org.wsemu.RuleViolationException;
import org.wsemu.Violation;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.trace.TraceRecorder;

/**
 * The extension behind {@link WsemuTest} and {@link Worlds}; tests name those annotations rather
 * than this class. Per test it builds a {@link Fixture} (on first need), injects its objects, closes
 * and checks the emulator afterwards, and attaches a {@link TraceExcerpt} to a failure.
 *
 * <p>The instance JUnit registers serves plain tests and provides the runs of a {@link Worlds}
 * test; each run gets an instance of its own bound to its world, which serves that run.
 *
 * <p>Thread-safe: it keeps nothing but its world; each test's fixture lives in the test's store.
 */
public final class WsemuExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
    TestExecutionExceptionHandler, TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WsemuExtension.class);
  private static final Set<Class<?>> INJECTED = Set.of(Emulator.class, SimulatedNetwork.class, TraceRecorder.class);

  /** The world of the run this instance serves; null for the instance JUnit registers. */
  private final World world;

  /** The extension as {@link WsemuTest} and {@link Worlds} register it. */
  public WsemuExtension() {
    this(null);
  }

  private WsemuExtension(World world) {
    this.world = world;
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return world == null && isWorldsTest(context);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    World[] worlds = AnnotationSupport.findAnnotation(context.getTestMethod(), Worlds.class).orElseThrow().value();
    if (worlds.length == 0) {
      throw new ExtensionConfigurationException("@Worlds needs at least one world: " + context.getDisplayName());
    }
    return Arrays.stream(worlds).map(w -> new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return w.name();
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new WsemuExtension(w));
      }
    });
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    if (!serves(context)) {
      return;
    }
    Fixture fixture = fixture(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : ReflectionSupport.findFields(instance.getClass(),
          f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()) && INJECTED.contains(f.getType()),
          HierarchyTraversalMode.TOP_DOWN)) {
        field.setAccessible(true);
        field.set(instance, value(fixture, field.getType()));
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Fixture fixture = serves(context) ? context.getStore(NAMESPACE).remove(Fixture.class, Fixture.class) : null;
    if (fixture == null) {
      return;
    }
    List<String> leaks = fixture.closeAndCheck();
    if (!leaks.isEmpty()) {
      throw new AssertionError("the emulator of " + context.getDisplayName() + " leaked:\n  " + String.join("\n  ", leaks));
    }
    List<Violation> violations = fixture.emulator.violations();
    if (!violations.isEmpty()) { // only in checked mode
      throw new RuleViolationException(fixture.emulator.name(), violations);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getDeclaringExecutable() instanceof Method && INJECTED.contains(parameter.getParameter().getType())
        && serves(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Object value = value(fixture(context), type);
    if (value == null) {
      throw new ParameterResolutionException("no " + type.getSimpleName() + " for " + parameter.getParameter()
          + ": the test runs on the real network");
    }
    return value;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
    Fixture fixture = serves(context) ? context.getStore(NAMESPACE).get(Fixture.class, Fixture.class) : null;
    if (fixture != null) {
      throwable.addSuppressed(fixture.excerpt(context.getRequiredTestClass().getName() + "."
          + context.getRequiredTestMethod().getName() + (world != null ? "[" + world + "]" : "") + ".trace"));
    }
    throw throwable;
  }

  /**
   * Whether this instance serves the test: a plain test, or a run of the world it is bound to; never
   * an {@link Explore} test, whose schedules build their own emulators.
   */
  private boolean serves(ExtensionContext context) {
    return (world != null || !isWorldsTest(context)) && !AnnotationSupport.isAnnotated(context.getTestMethod(), Explore.class);
  }

  private static boolean isWorldsTest(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), Worlds.class);
  }

  private Fixture fixture(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Fixture fixture = store.get(Fixture.class, Fixture.class);
    if (fixture == null) {
      fixture = new Fixture(Settings.of(context, world), context.getRequiredTestMethod().getName());
      store.put(Fixture.class, fixture);
    }
    return fixture;
  }

  private static Object value(Fixture fixture, Class<?> type) {
    if (type == Emulator.class) {
      return fixture.emulator;
    }
    return type == SimulatedNetwork.class ? fixture.network : fixture.recorder;
  }
}
