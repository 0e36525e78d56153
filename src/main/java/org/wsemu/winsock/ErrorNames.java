package org.wsemu.winsock;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the WSAE* codes and of the Win32 codes of winsock2.h, for traces: {@code WSAEWOULDBLOCK}
 * rather than 10035, {@code WSA_IO_PENDING} rather than 997.
 */
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
    names.put(WinSock2.WSA_INVALID_HANDLE, "WSA_INVALID_HANDLE"); // the Win32 codes of winsock2.h
    names.put(WinSock2.WSA_NOT_ENOUGH_MEMORY, "WSA_NOT_ENOUGH_MEMORY");
    names.put(WinSock2.WSA_INVALID_PARAMETER, "WSA_INVALID_PARAMETER");
    names.put(WinSock2.WSA_OPERATION_ABORTED, "WSA_OPERATION_ABORTED");
    names.put(WinSock2.WSA_IO_INCOMPLETE, "WSA_IO_INCOMPLETE");
    names.put(WinSock2.WSA_IO_PENDING, "WSA_IO_PENDING");
    return Map.copyOf(names);
  }

  /** The name of a WSAE* code, or the number. */
  static String of(int error) {
    String name = NAMES.get(error);
    return name != null ? name : Integer.toString(error);
  }
}
