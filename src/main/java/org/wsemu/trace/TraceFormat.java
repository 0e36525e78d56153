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
 * 003090 t=001000 0001:clock CALL GetMessage hWnd=0x0000 wMsgFilterMin=0x0000 wMsgFilterMax=0x0000 ret=1 msg=WM_TIMER hwnd=0x0100 wParam=0x0001 lParam=0x00000000
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TraceFormat {
  private TraceFormat() {}

  /** Renders one event as one line, without a line terminator. */
  public static String line(TraceEvent event) {
    StringBuilder sb = new StringBuilder(96);
    pad(sb, Long.toString(event.seq()), 6);
    sb.append(" t=");
    pad(sb, Long.toString(event.time()), 6);
    sb.append(' ').append(event.task());
    sb.append(' ').append(event.kind().name());
    sb.append(' ').append(event.name());
    for (Map.Entry<String, Object> field : event.fields().entrySet()) {
      sb.append(' ').append(field.getKey()).append('=').append(field.getValue());
    }
    return sb.toString();
  }

  /** Renders events one per line, each line ending with {@code '\n'}. */
  public static String lines(List<TraceEvent> events) {
    StringBuilder sb = new StringBuilder(events.size() * 96);
    for (TraceEvent event : events) {
      sb.append(line(event)).append('\n');
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, String digits, int width) {
    for (int i = digits.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(digits);
  }
}
