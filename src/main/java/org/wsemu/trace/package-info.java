/**
 * The trace: every call, message, task switch and network event of an emulator as a structured
 * {@link org.wsemu.trace.TraceEvent} on its {@link org.wsemu.trace.Trace} stream, delivered to
 * {@link org.wsemu.trace.TraceSink}s such as {@link org.wsemu.trace.TraceRecorder} (in memory, for
 * tests) and {@link org.wsemu.trace.Slf4jTraceSink} (to SLF4J), in the stable text of
 * {@link org.wsemu.trace.TraceFormat}. For tests, with any test framework:
 * {@link org.wsemu.trace.TraceAssertions} checks a recorded trace and
 * {@link org.wsemu.trace.Goldens} compares it with a golden file. For people and tools:
 * {@link org.wsemu.trace.GoldenFilter} filters a trace, {@link org.wsemu.trace.TraceCollapse}
 * collapses repeated polling ({@link org.wsemu.trace.TraceFormat#readable}),
 * {@link org.wsemu.trace.TraceFiles} reads and writes trace files (text, JSON Lines) and
 * {@link org.wsemu.trace.TraceFileSink} streams a long run to one. The kinds, names and fields of
 * the events are listed in docs/trace-schema.md.
 *
 * <p>Depends on no other package of wsemu.
 */
package org.wsemu.trace;
