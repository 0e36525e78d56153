package org.wsemu.bench;

/**
 * How long and how big: quick (seconds, for a look) or full (minutes, for the record).
 *
 * @param full whether this is the full run
 * @param jmhForks JMH forks per benchmark
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measured iterations
 * @param jmhSeconds seconds per JMH iteration
 * @param samples latency samples per side (ping-pong, cancel)
 * @param idleSeconds how long the blocked task is watched
 * @param realTasks tasks blocked at once on real sockets
 * @param simPlatformTasks tasks of the simulation on platform threads
 * @param simVirtualTasks tasks of the simulation on virtual threads (JDK 21+)
 */
record BenchMode(
    boolean full, int jmhForks, int jmhWarmups, int jmhIterations, int jmhSeconds, int samples,
    int idleSeconds, int realTasks, int simPlatformTasks, int simVirtualTasks) {

  static final BenchMode QUICK = new BenchMode(false, 1, 1, 2, 1, 5_000, 2, 1_000, 2_000, 20_000);
  static final BenchMode FULL = new BenchMode(true, 2, 3, 5, 2, 50_000, 5, 5_000, 10_000, 100_000);

  String name() {
    return full ? "full" : "quick";
  }
}
