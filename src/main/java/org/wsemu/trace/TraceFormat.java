package org.wsemu.trace;

import java.util.List;
import java.util.Map;

/**
 * The stable text rendering of trace events: one line per event, the same bytes for the same
 * events on every run and every JVM, so that golden-trace tests can compare files.
 *
 * <p>Format: {@code seq time task kind name key=value key=value...}, for example this line of the
 * demo's trace ({@code wsemu demo --trace}), where GetMessage returns a WM_TIMER one second in:
 *
 * <pre>
 * 003090 t=001000 0001:clock CALL GetMessage hWnd=0x0000 wMsgFilterMin=0 wMsgFilterMax=0 ret=1 msg=WM_TIMER hwnd=0x0100 wParam=0x0001 lParam=0x00000000
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TraceFormat {
  /**
   * What the columns of a trace line and the kinds of events mean, for a person reading a trace
   * (a command's help prints it): lines of at most 100 characters, each ending with {@code '\n'}.
   * docs/trace-schema.md, section "Reading a trace", shows the same text.
   */
  public static final String LEGEND = """
      A trace line: SEQ t=TIME TASK KIND NAME key=value...
        SEQ         the event's number, from 1, in the order the emulator emitted it
        t=TIME      the emulator clock in milliseconds (virtual time in a Win16 run)
        TASK        HHHH:name, the task's handle in hex and its name; - no task; net the network
        KIND NAME   what happened (the kinds below) and which call or event it was
        key=value   its fields, in a fixed order; a value may hold spaces (why=abortive close)
        ... xN      (readable traces) the cycle above it happened N times in a row
      The kinds:
        CALL        an API call, recorded when it returns: its arguments, ret, error
        TASK        a task was created, started running, or exited
        SWITCH      the processor passed to this task (Win16); NAME says why, from= who gave it up
        CLOCK       virtual time jumped (from= to=): no task could run, or one polled alone
        TIMER       a timer expired; its WM_TIMER is now pending
        PROC        a callback (window procedure, timer procedure) is entered, one level deeper
        PROC_END    a callback returned, with what it returned
        EXCEPTION   a callback threw; the exception went to the emulator's handler
        UNWIND      a message loop gave up because the emulator is shutting down
        BLOCK       a pseudo-blocking call could not complete at once: it entered its loop
        UNBLOCK     the blocking call left its loop: completed, failed or cancelled
        HOOK        the blocking hook was called, and what it returned
        NOTE        something noteworthy that is not a call (a kill, a warning, an endpoint)
        NET         the simulated network moved a connection or datagram along
        FAULT       a fault of the simulated network was set up or took effect
        ASYNC       an asynchronous notification: a message posted, an event recorded, a lookup
        COMPLETION  an overlapped operation completed: bytes, error, how it is indicated
        ROUTINE     a completion routine is entered, in an alertable wait of its task
        VIOLATION   (checked mode) the program broke a rule; NAME is the rule's id
      """;

  private TraceFormat() {}

  /**
   * Renders one event as one line, without a line terminator. A control character in a value
   * (a line break in an exception's message, say) is written as {@code \n}, {@code \r},
   * {@code \t} or {@code \}{@code u00XX}, so that an event is always one line.
   */
  public static String line(TraceEvent event) {
    StringBuilder sb = new StringBuilder(96);
    pad(sb, Long.toString(event.seq()), 6);
    sb.append(" t=");
    pad(sb, Long.toString(event.time()), 6);
    sb.append(' ').append(event.task());
    sb.append(' ').append(event.kind().name());
    sb.append(' ').append(event.name());
    for (Map.Entry<String, Object> field : event.fields().entrySet()) {
      sb.append(' ').append(field.getKey()).append('=');
      appendOnOneLine(sb, String.valueOf(field.getValue()));
    }
    return sb.toString();
  }

  private static void appendOnOneLine(StringBuilder sb, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != 0x7F) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
  }

  /** Renders events one per line, each line ending with {@code '\n'}. */
  public static String lines(List<TraceEvent> events) {
    StringBuilder sb = new StringBuilder(events.size() * 96);
    for (TraceEvent event : events) {
      sb.append(line(event)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Renders events for a person: as {@link #lines}, but a run of repeated polling
   * ({@link TraceCollapse}) shows its cycle once, as it first happened, followed by one line with
   * the number of times it happened in all, and the {@code seq} and {@code time} of its first and
   * last event:
   *
   * <pre>
   * 000088 t=000000 0002:typist CALL PeekMessage hWnd=0x0000 wMsgFilterMin=0 wMsgFilterMax=0 wRemoveMsg=PM_REMOVE ret=false
   * 000089 t=000000 0002:typist CALL GetTickCount ret=0
   * 000090 t=000001 - CLOCK advance from=0 to=1
   *        ... x999 (seq 000088-003084, t=000000-000999)
   * </pre>
   */
  public static String readable(List<TraceEvent> events) {
    StringBuilder sb = new StringBuilder();
    for (TraceCollapse.Entry entry : TraceCollapse.collapse(events)) {
      for (TraceEvent event : entry.events()) {
        sb.append(line(event)).append('\n');
      }
      if (entry.collapsed()) {
        sb.append(repeatLine(entry)).append('\n');
      }
    }
    return sb.toString();
  }

  /** The line {@link #readable} prints after a collapsed cycle: {@code "       ... x999 (seq 000088-003084, t=000000-000999)"}. */
  public static String repeatLine(TraceCollapse.Entry entry) {
    StringBuilder sb = new StringBuilder(64).append("       ... x").append(entry.repeats()).append(" (seq ");
    pad(sb, Long.toString(entry.firstSeq()), 6);
    sb.append('-');
    pad(sb, Long.toString(entry.lastSeq()), 6);
    sb.append(", t=");
    pad(sb, Long.toString(entry.firstTime()), 6);
    sb.append('-');
    pad(sb, Long.toString(entry.lastTime()), 6);
    return sb.append(')').toString();
  }

  private static void pad(StringBuilder sb, String digits, int width) {
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }
}
