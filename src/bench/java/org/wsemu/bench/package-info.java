/**
 * The benchmarks behind {@code docs/performance.md}: JMH measurements and timed scenarios, each
 * figure next to its baseline measured in the same run, printed as one table by
 * {@link org.wsemu.bench.BenchMain}. Compiled only in the {@code bench} profile; not part of the
 * library.
 */
package org.wsemu.bench;
