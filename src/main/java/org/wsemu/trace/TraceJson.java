package org.wsemu.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trace event as one JSON object (a line of a JSON Lines file), both ways, by hand: the library
 * depends on no JSON library.
 *
 * <p>Written: {@code {"seq":1,"time":0,"task":"0001:app","kind":"CALL","name":"send","fields":{...}}},
 * the keys in this order, the fields in theirs. A field's value is a JSON number when it is an
 * {@code Integer}, {@code Long}, {@code Short}, {@code Byte} or a finite {@code Double} or
 * {@code Float}, {@code true}/{@code false}
 * for a {@link Boolean}, {@code null} for null, and otherwise the string {@code String.valueOf}
 * gives, as the text format shows it. Strings are escaped so that the line is plain ASCII: quotes,
 * backslashes, control characters and every character above U+007E as a backslash-u escape of four
 * hex digits.
 *
 * <p>Read: the same, with the keys in any order and unknown keys ignored; an integral number
 * becomes an {@link Integer} when it fits, else a {@link Long}; another number a {@link Double}.
 *
 * <p>Stateless and thread-safe.
 */
final class TraceJson {
  private TraceJson() {}

  /** The event as one JSON object, without a line terminator. */
  static String write(TraceEvent event) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"seq\":").append(event.seq()).append(",\"time\":").append(event.time()).append(",\"task\":");
    string(sb, event.task());
    sb.append(",\"kind\":");
    string(sb, event.kind().name());
    sb.append(",\"name\":");
    string(sb, event.name());
    sb.append(",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, Object> field : event.fields().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, field.getKey());
      sb.append(':');
      value(sb, field.getValue());
    }
    return sb.append("}}").toString();
  }

  private static void value(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte) {
      sb.append(value);
    } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
      sb.append(value);
    } else {
      string(sb, String.valueOf(value));
    }
  }

  /** Appends {@code text} as a JSON string of ASCII characters. */
  static void string(StringBuilder sb, String text) {
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7E) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * Reads one event from one JSON object.
   *
   * @throws IllegalArgumentException saying what is wrong and where, if {@code line} is not such an object
   */
  static TraceEvent read(String line) {
    return new Reader(line).event();
  }

  /** A cursor over one line. Used by one thread, once. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    TraceEvent event() {
      Long seq = null;
      Long time = null;
      String task = null;
      TraceKind kind = null;
      String name = null;
      Map<String, Object> fields = null;
      expect('{');
      if (!next('}')) {
        do {
          String key = string();
          expect(':');
          switch (key) {
            case "seq" -> seq = whole(key);
            case "time" -> time = whole(key);
            case "task" -> task = string();
            case "kind" -> kind = kind(string());
            case "name" -> name = string();
            case "fields" -> fields = fields();
            default -> value(); // another tool's addition: ignored
          }
        } while (next(','));
        expect('}');
      }
      skipSpace();
      if (at < text.length()) {
        throw error("text after the object");
      }
      if (seq == null || time == null || task == null || kind == null || name == null) {
        throw error("an event needs seq, time, task, kind and name");
      }
      return new TraceEvent(seq, time, task, kind, name, fields == null ? Map.of() : fields);
    }

    private Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      expect('{');
      if (!next('}')) {
        do {
          String key = string();
          expect(':');
          skipSpace();
          if (at < text.length() && (text.charAt(at) == '{' || text.charAt(at) == '[')) {
            throw error("field " + key + ": a value is a string, a number, true, false or null");
          }
          fields.put(key, value());
        } while (next(','));
        expect('}');
      }
      return fields;
    }

    private long whole(String key) {
      Object value = value();
      if (value instanceof Integer || value instanceof Long) {
        return ((Number) value).longValue();
      }
      throw error(key + " must be a whole number");
    }

    private TraceKind kind(String name) {
      try {
        return TraceKind.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw error("no such kind: " + name + " (kinds: " + java.util.Arrays.toString(TraceKind.values()) + ")");
      }
    }

    /** A string, number, true, false or null; a nested object or array (an ignored key's) is skipped over, as null. */
    private Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("a value is missing");
      }
      char c = text.charAt(at);
      if (c == '"') {
        return string();
      } else if (c == '{' || c == '[') {
        skipNested();
        return null;
      } else if (text.startsWith("true", at)) {
        at += 4;
        return Boolean.TRUE;
      } else if (text.startsWith("false", at)) {
        at += 5;
        return Boolean.FALSE;
      } else if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      return number();
    }

    private Object number() {
      int start = at;
      if (at < text.length() && text.charAt(at) == '-') {
        at++;
      }
      boolean integral = true;
      while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
        integral &= Character.isDigit(text.charAt(at));
        at++;
      }
      String number = text.substring(start, at);
      try {
        if (integral) {
          long value = Long.parseLong(number);
          return value == (int) value ? (Object) (int) value : (Object) value;
        }
        return Double.valueOf(number);
      } catch (NumberFormatException e) {
        at = start;
        throw error("not a JSON value");
      }
    }

    private void skipNested() {
      int depth = 0;
      do {
        char c = text.charAt(at);
        if (c == '"') {
          string();
          continue;
        }
        depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
        at++;
      } while (depth > 0 && at < text.length());
      if (depth > 0) {
        throw error("an unterminated object or array");
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return sb.toString();
        } else if (c != '\\') {
          sb.append(c);
        } else if (at >= text.length()) {
          break;
        } else {
          char e = text.charAt(at++);
          switch (e) {
            case '"', '\\', '/' -> sb.append(e);
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'u' -> sb.append(unicode());
            default -> {
              at -= 2;
              throw error("a bad escape \\" + e);
            }
          }
        }
      }
      throw error("an unterminated string");
    }

    private char unicode() {
      String digits = text.substring(at, Math.min(at + 4, text.length()));
      if (!digits.matches("[0-9A-Fa-f]{4}")) {
        at -= 2; // at the backslash
        throw error("a bad \\u escape");
      }
      at += 4;
      return (char) Integer.parseInt(digits, 16);
    }

    private boolean next(char c) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!next(c)) {
        throw error("'" + c + "' expected");
      }
    }

    private void skipSpace() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at column " + (at + 1) + ": " + text);
    }
  }
}
