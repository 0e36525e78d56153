package org.wsemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wsemu.explore.Strategy;

/**
 * Makes a method a test that explores schedules: the method runs once per schedule, with an
 * {@link org.wsemu.Emulator.Builder} that the {@link org.wsemu.explore.Explorer} has preconfigured
 * for that schedule (Win16, virtual clock, a simulated network seeded for the schedule, checked
 * mode, the schedule's choices). The method builds its emulator from it, runs its program and
 * asserts; the test fails when any schedule fails, with the explorer's summary: the failing
 * schedule's seed and replay key, its shrunk choices, and the files of its trace and sequence
 * diagram under {@code target/wsemu-explore/<class>/<method>/} (system property
 * {@code wsemu.exploreDir} moves {@code target/wsemu-explore}).
 *
 * <pre>{@code
 * import static org.junit.jupiter.api.Assertions.assertTrue;
 * import java.util.concurrent.atomic.AtomicBoolean;
 * import org.wsemu.junit.Explore;
 *
 * class InitOrderTest {
 *   @Explore(schedules = 200)
 *   void useSeesWhatInitSet(Emulator.Builder builder) throws Exception {
 *     AtomicBoolean initialised = new AtomicBoolean();
 *     AtomicBoolean seen = new AtomicBoolean();
 *     try (Emulator emu = builder.build()) {
 *       emu.createTask("init", () -> {
 *         initialised.set(true);
 *         return 0;
 *       });
 *       emu.createTask("use", () -> {
 *         seen.set(initialised.get());   // does not wait for init: fails when use runs first
 *         return 0;
 *       });
 *       emu.start();
 *       assertTrue(emu.awaitTasks(Duration.ofSeconds(10)));
 *     }
 *     assertTrue(seen.get(), "use ran before init");
 *   }
 * }
 * }</pre>
 *
 * <p>{@code @Explore} is a {@link Test @Test} of its own and brings its extension: no other
 * annotation is needed. On a class marked {@link WsemuTest}, that extension leaves an {@code @Explore}
 * method alone: it builds no emulator for it and injects nothing, and its settings do not apply. The method takes one
 * {@code Emulator.Builder} parameter; other parameters are resolved once by JUnit's resolvers and
 * passed to every schedule. It may build emulators from the builder once per schedule (the builder
 * is fresh for each), may override the network ({@code builder.network(...)}), and must close what
 * it builds.
 *
 * <p>{@link #replay()} runs the one schedule of a replay key, as a failure reports it: the test then
 * fails if that schedule fails, and the replayed trace ({@code replay.txt}, {@code replay.jsonl})
 * and diagram ({@code replay.html}) are written beside the exploration's files.
 *
 * <p>The schedules run on the explorer's threads, {@link #parallelism()} at a time, all on the one
 * test instance: with a parallelism above 1 keep a schedule's state in local variables.
 * System properties {@code wsemu.explore.schedules} and {@code wsemu.explore.seed} override every
 * test's {@link #schedules()} and {@link #seed()}, so that a build can widen a search or spread it
 * over jobs (seed ranges) without editing the tests.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(ExploreExtension.class)
public @interface Explore {
  /** How many schedules to run at most (the exhaustive strategy stops earlier when its tree is done). */
  int schedules() default 100;

  /** How the schedules are chosen. */
  Strategy strategy() default Strategy.RANDOM_WALK;

  /** PCT's bug depth: how many ordering constraints a bug needs; {@link Strategy#PCT} only. */
  int depth() default 3;

  /** The base seed: schedule {@code i} of a random walk or PCT derives its seed from it. */
  long seed() default 1;

  /**
   * A replay key, or a schedule's seed (with {@link #strategy()} and {@link #depth()}), as a
   * failure reports them: run only that schedule. Empty (the default): explore.
   */
  String replay() default "";

  /** How many schedules run at once, each on an explorer thread; default 1. */
  int parallelism() default 1;

  /** Whether a failing schedule's choices are shrunk before they are reported; default true. */
  boolean shrink() default true;
}
