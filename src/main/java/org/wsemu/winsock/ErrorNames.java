package org.wsemu.winsock;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** The names of the WSAE* codes, for traces: {@code WSAEWOULDBLOCK} rather than 10035. */
final class ErrorNames {
  private ErrorNames() {}

  private static final Map<Integer, String> NAMES = load();

  private static Map<Integer, String> load() {
    Map<Integer, String> names = new HashMap<>();
    for (Field field : WinSock.class.getFields()) {
      String name = field.getName();
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class && name.startsWith("WSA")
          && !name.equals("WSABASEERR") && !name.equals("WSANO_ADDRESS") // an alias of WSANO_DATA
          && !name.startsWith("WSADESCRIPTION") && !name.startsWith("WSASYS_STATUS")) {
        try {
          names.put(field.getInt(null), name);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("public constant not readable: " + name, e);
        }
      }
    }
    return Map.copyOf(names);
  }

  /** The name of a WSAE* code, or the number. */
  static String of(int error) {
    String name = NAMES.get(error);
    return name != null ? name : Integer.toString(error);
  }
}
