package org.wsemu.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.wsemu.Emulator;
import org.wsemu.EmulatorBuilds;
import org.wsemu.task.OpenResources;

/**
 * After every test, checks that each emulator the test built was closed and left nothing behind:
 * no live thread it started, no pending timer, no open socket or selector (see
 * {@link Emulator#openResources()}), as Caffeine validates its caches after each test. It runs for
 * the whole suite: {@code junit-platform.properties} turns on extension autodetection, and
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} names this class.
 *
 * <p>An emulator the test did not close is a leak: the failure says what it held, and the check
 * shuts it down, so that its threads do not run on into later tests. A test that leaves something
 * behind on purpose says why with {@link Allowed}; its emulators are still shut down.
 *
 * <p>An emulator belongs to the test whose thread built it, or a thread that thread started, so
 * the check holds when tests run in parallel; emulators built outside a test (in a static
 * initializer, say) are not checked.
 *
 * <p>Thread-safe: one instance serves every test.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
  /** The test leaves an emulator or some of its resources behind on purpose: why. */
  @Documented
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Allowed {
    /** Why the test leaks. */
    String value();
  }

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheck.class);
  /** The emulators built by the current test, on its thread and the threads it starts. */
  private static final InheritableThreadLocal<List<Emulator>> BUILT = new InheritableThreadLocal<>();

  static {
    EmulatorBuilds.listen(emulator -> {
      List<Emulator> built = BUILT.get();
      if (built != null) {
        built.add(emulator);
      }
    });
  }

  /** One test's emulators, and the list of the test around it (a test run by a test) to restore. */
  private record Scope(List<Emulator> built, List<Emulator> outer) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Scope scope = new Scope(new CopyOnWriteArrayList<>(), BUILT.get());
    context.getStore(NAMESPACE).put(Scope.class, scope);
    BUILT.set(scope.built());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Scope scope = context.getStore(NAMESPACE).remove(Scope.class, Scope.class);
    BUILT.set(scope.outer());
    List<String> leaks = leaks(scope.built());
    if (!leaks.isEmpty() && !allowed(context)) {
      throw new AssertionError("the test leaked (see LeakCheck):\n  " + String.join("\n  ", leaks));
    }
  }

  /** What each emulator leaked, shutting down the ones left open. */
  private static List<String> leaks(List<Emulator> emulators) {
    List<String> leaks = new ArrayList<>();
    for (Emulator emulator : emulators) {
      if (!emulator.isShutDown()) {
        OpenResources held = emulator.openResources();
        emulator.shutdown();
        leaks.add(emulator + " was not closed; it held " + held);
      }
      OpenResources left = emulator.openResources();
      if (!left.isEmpty()) {
        leaks.add(emulator + " left behind " + left);
      }
    }
    return leaks;
  }

  private static boolean allowed(ExtensionContext context) {
    return AnnotationSupport.isAnnotated(context.getTestMethod(), Allowed.class)
        || AnnotationSupport.isAnnotated(context.getTestClass(), Allowed.class);
  }
}
