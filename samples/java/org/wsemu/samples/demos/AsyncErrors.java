package org.wsemu.samples.demos;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.WinSock2;

/**
 * The names of Winsock error codes ({@code WSAEINPROGRESS}, {@code WSA_OPERATION_ABORTED}...) for
 * what the asynchronous demonstrations print, read from the constants of {@link WinSock} and
 * {@link WinSock2}.
 *
 * <p>Immutable after class initialisation; thread-safe.
 */
final class AsyncErrors {
  private static final Map<Integer, String> NAMES = names();

  private AsyncErrors() {}

  /** {@code code}'s name, "0" for no error, or the number when it has none. */
  static String name(int code) {
    return code == 0 ? "0" : NAMES.getOrDefault(code, Integer.toString(code));
  }

  private static Map<Integer, String> names() {
    Map<Integer, String> names = new HashMap<>();
    for (Class<?> constants : new Class<?>[] {WinSock.class, WinSock2.class}) {
      for (Field field : constants.getFields()) {
        String name = field.getName();
        boolean error = name.startsWith("WSAE") || name.startsWith("WSA_") && !name.startsWith("WSA_WAIT")
            && !name.startsWith("WSA_FLAG") && !name.startsWith("WSA_MAXIMUM") && !name.equals("WSA_INFINITE")
            && !name.equals("WSA_INVALID_EVENT");
        if (error && field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
          try {
            names.putIfAbsent(field.getInt(null), name);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return Map.copyOf(names);
  }
}
