package org.wsemu.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.wsemu.internal.GuardedBy;
import org.wsemu.schedule.ChoicePoint;

/**
 * One exploration of one program: runs the schedules, finds the lowest failing index, shrinks it and
 * writes it out.
 *
 * <p>Random walk and PCT schedules are independent: {@code parallelism} workers of a fixed pool take
 * the indices in increasing order; once schedule {@code f} fails no index above it is taken, and
 * the ones below it finish, so the lowest failing index wins whatever the timing. The counts cover
 * schedules {@code 0..f} only, so they do not depend on the timing either. The exhaustive search
 * runs its schedules one after the other: each one's prefix comes from the last.
 *
 * <p>Threading: {@link #run()} once, on the caller's thread; the workers share only the fields
 * guarded below.
 */
final class Exploration {
  private final Settings settings;
  private final ScheduledProgram program;
  private final ProgressReporter progress;
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final AtomicInteger lowestFailure = new AtomicInteger(Integer.MAX_VALUE);
  @GuardedBy("this") private final Map<Integer, Long> hashes = new HashMap<>();
  @GuardedBy("this") private ScheduleRun failing;
  @GuardedBy("this") private int failingIndex = -1;

  Exploration(Settings settings, ScheduledProgram program) {
    this.settings = settings;
    this.program = program;
    this.progress = new ProgressReporter(settings.progress(), settings.schedules());
  }

  ExplorationResult run() {
    boolean exhausted = false;
    int schedulesRun;
    if (settings.strategy() == Strategy.EXHAUSTIVE) {
      Exhaustive search = exhaustive();
      exhausted = search.exhausted;
      schedulesRun = search.run;
    } else {
      sampled();
      int lowest = lowestFailure.get();
      schedulesRun = lowest == Integer.MAX_VALUE ? settings.schedules() : lowest + 1;
    }
    int distinct = distinct(schedulesRun);
    ScheduleFailure failure = failing() == null ? null : failure(schedulesRun - 1, failing());
    progress.finish(schedulesRun, distinct);
    return new ExplorationResult(settings.strategy(), schedulesRun, distinct, exhausted, progress.elapsed(), failure);
  }

  private void sampled() {
    int steps = settings.strategy() == Strategy.PCT ? estimateSteps() : 0;
    ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), workerThreads());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < settings.parallelism(); w++) {
        workers.add(pool.submit(() -> work(steps)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("exploration interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A worker: takes the next index until the budget is spent or a lower schedule failed. */
  private void work(int steps) {
    try (ScheduleThread thread = new ScheduleThread()) {
      while (true) {
        int index = nextIndex.getAndIncrement();
        if (index >= settings.schedules() || index > lowestFailure.get()) {
          return;
        }
        long seed = settings.seed() + index;
        ReplayKey key = ReplayKey.ofSeed(settings.strategy(), settings.depth(), steps, seed);
        ScheduleRun run = runOne(index, key, thread);
        if (run.failed()) {
          lowestFailure.accumulateAndGet(index, Math::min);
        }
      }
    }
  }

  /** PCT's k: the task choices of the emulator's own schedule (its failure, if any, is left to PCT). */
  private int estimateSteps() {
    return estimateSteps(program, settings.seed(), settings.scheduleTimeout());
  }

  /** PCT's k for {@code program} with the network seeded {@code seed}: one run of the emulator's own schedule. */
  static int estimateSteps(ScheduledProgram program, long seed, Duration timeout) {
    ScheduleRun calibration = ScheduleRunner.run(ReplayKey.choices(seed, List.of()), program, timeout);
    int steps = (int) calibration.choices().stream().filter(c -> c.point() == ChoicePoint.TASK).count();
    return Math.max(1, steps);
  }

  /** The exhaustive search's outcome. */
  private record Exhaustive(int run, boolean exhausted) {}

  private Exhaustive exhaustive() {
    List<Integer> prefix = List.of();
    try (ScheduleThread thread = new ScheduleThread()) {
      for (int index = 0; index < settings.schedules(); index++) {
        ScheduleRun run = runOne(index, ReplayKey.choices(settings.seed(), prefix), thread);
        if (run.failed()) {
          return new Exhaustive(index + 1, false);
        }
        Optional<List<Integer>> next = ChoiceTree.next(run.choices(), settings.maxChoices());
        if (next.isEmpty()) {
          return new Exhaustive(index + 1, true);
        }
        prefix = next.get();
      }
    }
    return new Exhaustive(settings.schedules(), false);
  }

  private ScheduleRun runOne(int index, ReplayKey key, ScheduleThread thread) {
    ScheduleRun run = ScheduleRunner.run(key, program, settings.scheduleTimeout(), thread);
    long hash = TraceHash.of(run.trace());
    synchronized (this) {
      hashes.put(index, hash);
      if (run.failed() && (failing == null || index < failingIndex)) {
        failing = run;
        failingIndex = index;
      }
    }
    progress.scheduleDone(hash);
    if (settings.onSchedule() != null) {
      settings.onSchedule().accept(run);
    }
    return run;
  }

  private synchronized ScheduleRun failing() {
    return failing;
  }

  private synchronized int distinct(int schedulesRun) {
    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < schedulesRun; i++) {
      distinct.add(hashes.get(i));
    }
    return distinct.size();
  }

  private ScheduleFailure failure(int index, ScheduleRun original) {
    long seed = settings.strategy() == Strategy.EXHAUSTIVE ? settings.seed() : settings.seed() + index;
    ScheduleRun shrunk = settings.shrink()
        ? new Shrinker(program, seed, settings.scheduleTimeout()).shrink(original) : original;
    List<Choice> shrunkChoices = shrunk.choices().subList(0, Shrinker.trimmed(Shrinker.values(shrunk.choices())).size());
    Optional<FailureFiles.Written> files = Optional.ofNullable(settings.output()).map(dir -> FailureFiles.write(dir,
        "schedule-" + index + "-seed-" + seed, "Failing schedule " + index + ": " + shrunk.replayKey(), shrunk.trace()));
    return new ScheduleFailure(index, seed, original.replayKey(), shrunk.replayKey(), original.choices(), shrunkChoices,
        original.failure().orElseThrow(), shrunk.trace(), files.map(FailureFiles.Written::trace),
        files.map(FailureFiles.Written::diagram));
  }

  private static ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return body -> {
      Thread thread = new Thread(body, "wsemu-explorer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
