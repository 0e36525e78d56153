package org.wsemu.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wsemu.trace.TraceEvent;

/**
 * The labels of arrows and notes, made from an event's fields as the trace renders them.
 *
 * <p>Stateless and thread-safe.
 */
final class Labels {
  private static final java.util.Set<String> ANY_MESSAGE = java.util.Set.of("hWnd", "wMsgFilterMin", "wMsgFilterMax");
  private Labels() {}

  /**
   * A call as a reader writes it: {@code recv(s=2, len=1, flags=0) = -1 WSAEINPROGRESS}, then
   * what it returned through its arguments ({@code msg=WM_TIMER ...}). GetMessage and PeekMessage
   * leave out the arguments that ask for any window ({@code hWnd=0x0000}) and any message
   * ({@code wMsgFilterMin=0}, {@code wMsgFilterMax=0}).
   */
  static String call(TraceEvent e) {
    List<String> args = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    String ret = null;
    String error = null;
    boolean getter = e.name().equals("GetMessage") || e.name().equals("PeekMessage");
    for (Map.Entry<String, Object> field : e.fields().entrySet()) {
      String key = field.getKey();
      String value = String.valueOf(field.getValue());
      if (getter && ret == null && ANY_MESSAGE.contains(key) && (value.equals("0x0000") || value.equals("0"))) {
        continue; // any window, any message: the usual loop
      }
      if (key.equals("ret")) {
        ret = value;
      } else if (ret == null) {
        args.add(key + "=" + value);
      } else if (key.equals("error")) {
        error = value;
      } else {
        extras.add(key + "=" + value);
      }
    }
    StringBuilder sb = new StringBuilder(e.name()).append('(').append(String.join(", ", args)).append(')');
    if (ret != null) {
      sb.append(" = ").append(ret);
    }
    if (error != null) {
      sb.append(' ').append(error);
    }
    if (!extras.isEmpty()) {
      sb.append(": ").append(String.join(" ", extras));
    }
    return sb.toString();
  }

  /** The event's name followed by its fields, {@code syn from=... to=...}. */
  static String plain(TraceEvent e) {
    StringBuilder sb = new StringBuilder(e.name());
    for (Map.Entry<String, Object> field : e.fields().entrySet()) {
      sb.append(' ').append(field.getKey()).append('=').append(field.getValue());
    }
    return sb.toString();
  }

  /** A checked mode's VIOLATION as an error note: the rule's id and its fields but the long {@code rule} sentence. */
  static String violation(TraceEvent e) {
    StringBuilder sb = new StringBuilder("violation: ").append(e.name());
    for (Map.Entry<String, Object> field : e.fields().entrySet()) {
      if (!field.getKey().equals("rule")) {
        sb.append(' ').append(field.getKey()).append('=').append(field.getValue());
      }
    }
    return sb.toString();
  }

  /** The named fields that the event has, {@code k=v}, separated by spaces. */
  static String fields(TraceEvent e, String... keys) {
    List<String> parts = new ArrayList<>();
    for (String key : keys) {
      Object value = e.field(key);
      if (value != null) {
        parts.add(key + "=" + value);
      }
    }
    return String.join(" ", parts);
  }

  /** A window procedure's message, with its parameters when they are not zero. */
  static String message(TraceEvent e) {
    StringBuilder sb = new StringBuilder(text(e.field("msg")));
    appendUnlessZero(sb, "wParam", e.field("wParam"));
    appendUnlessZero(sb, "lParam", e.field("lParam"));
    return sb.toString();
  }

  /**
   * Whether a field's value names an error: present, and neither {@code 0} nor {@code false}, nor
   * {@code WSA_IO_PENDING} (an overlapped operation started: its completion comes later).
   */
  static boolean isError(Object value) {
    if (value == null) {
      return false;
    }
    String text = String.valueOf(value);
    return !text.equals("0") && !text.equals("false") && !text.isEmpty() && !text.equals("WSA_IO_PENDING");
  }

  /** A field's text; {@code ?} when it is missing. */
  static String text(Object value) {
    return value == null ? "?" : String.valueOf(value);
  }

  private static void appendUnlessZero(StringBuilder sb, String key, Object value) {
    if (value != null && !String.valueOf(value).matches("0x0*|0")) {
      sb.append(' ').append(key).append('=').append(value);
    }
  }
}
