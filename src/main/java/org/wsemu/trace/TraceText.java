package org.wsemu.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the text of {@link TraceFormat#line}: {@code seq t=time task KIND name key=value...},
 * or a golden line, the same without {@code seq}.
 *
 * <p>The task is what comes before the first word that names a {@link TraceKind}; the name is the
 * word after the kind. A field starts at a space followed by an identifier and {@code '='}; its
 * value runs to the next such start or the end of the line, so it may hold spaces
 * ({@code why=abortive close}). Values come back as strings, exactly as the line shows them. Free
 * text is read whole where the schema puts it: an {@code EXCEPTION}'s name runs to
 * {@code " error="} and its {@code message} to the end of the line, as does a {@code ROUTINE}'s
 * {@code for} ({@code for=WSARecv s=3}).
 *
 * <p>A value that itself holds a space, an identifier and {@code '='}, or a line break, cannot be
 * told apart from the text; JSON Lines ({@link TraceJson}) keep every value as it was.
 *
 * <p>Stateless and thread-safe.
 */
final class TraceText {
  private static final Pattern HEAD = Pattern.compile("(?:(\\d+) )?t=(\\d+) (.+)");
  private static final Pattern FIELD = Pattern.compile(" ([A-Za-z_][A-Za-z0-9_]*)=");
  private static final Pattern KIND = Pattern.compile(" (" + String.join("|", kindNames()) + ")(?= |$)");

  private TraceText() {}

  /**
   * Reads one line.
   *
   * @param seq the sequence number to give a golden line, which has none
   * @throws IllegalArgumentException saying what is wrong, if {@code line} is not a trace line
   */
  static TraceEvent read(String line, long seq) {
    Matcher head = HEAD.matcher(line);
    if (!head.matches()) {
      throw new IllegalArgumentException("not a trace line (SEQ t=TIME TASK KIND NAME key=value..., "
          + "or a golden line without SEQ): " + line);
    }
    String rest = head.group(3);
    Matcher kind = KIND.matcher(rest);
    if (!kind.find() || kind.start() == 0) {
      throw new IllegalArgumentException("no task and kind (one of " + String.join(", ", kindNames()) + "): " + line);
    }
    long number = head.group(1) == null ? seq : parse(head.group(1), line);
    long time = parse(head.group(2), line);
    String task = rest.substring(0, kind.start());
    TraceKind what = TraceKind.valueOf(kind.group(1));
    String body = rest.substring(kind.end()); // "" or " name key=value..."
    if (body.isEmpty()) {
      return new TraceEvent(number, time, task, what, "", Map.of());
    }
    body = body.substring(1);
    Map<String, Object> fields = new LinkedHashMap<>();
    String name;
    int exceptionFields = what == TraceKind.EXCEPTION ? body.indexOf(" error=") : -1;
    Matcher field = FIELD.matcher(body);
    if (exceptionFields >= 0) {
      name = body.substring(0, exceptionFields);
      field.find(exceptionFields);
    } else if (field.find()) {
      name = body.substring(0, field.start());
    } else {
      return new TraceEvent(number, time, task, what, body, Map.of());
    }
    String last = what == TraceKind.EXCEPTION ? "message" : what == TraceKind.ROUTINE ? "for" : null;
    while (true) {
      String key = field.group(1);
      int from = field.end();
      boolean more = !key.equals(last) && field.find();
      fields.put(key, body.substring(from, more ? field.start() : body.length()));
      if (!more) {
        break;
      }
    }
    return new TraceEvent(number, time, task, what, name, fields);
  }

  private static long parse(String digits, String line) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a number too large: " + digits + " in " + line);
    }
  }

  private static String[] kindNames() {
    TraceKind[] kinds = TraceKind.values();
    String[] names = new String[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      names[i] = kinds[i].name();
    }
    return names;
  }
}
