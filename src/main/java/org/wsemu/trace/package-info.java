/**
 * The trace: every call, message, task switch and network event of an emulator as a structured
 * {@link org.wsemu.trace.TraceEvent} on its {@link org.wsemu.trace.Trace} stream, delivered to
 * {@link org.wsemu.trace.TraceSink}s such as {@link org.wsemu.trace.TraceRecorder} (in memory, for
 * tests) and {@link org.wsemu.trace.Slf4jTraceSink} (to SLF4J), in the stable text of
 * {@link org.wsemu.trace.TraceFormat}.
 *
 * <p>Depends on no other package of wsemu.
 */
package org.wsemu.trace;
