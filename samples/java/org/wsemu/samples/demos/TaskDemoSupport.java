package org.wsemu.samples.demos;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.user.WinUser;
import org.wsemu.winsock.BlockingHook;
import org.wsemu.winsock.WinSock;
import org.wsemu.winsock.sockaddr_in;

/**
 * What the demonstrations of tasks, cleanup and closing share: the name of a Winsock error code for
 * their output, the address of a simulated peer on the demonstration's one host, and, for a run in
 * Win32 mode, a blocking hook that does what Win16's default hook does.
 *
 * <p>Stateless and thread-safe.
 */
final class TaskDemoSupport {
  private static final Map<Integer, String> ERRORS = errors();

  private TaskDemoSupport() {}

  private static Map<Integer, String> errors() {
    Map<Integer, String> names = new HashMap<>();
    for (Field field : WinSock.class.getFields()) {
      String name = field.getName();
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class && name.startsWith("WSAE")) {
        try {
          names.put(field.getInt(null), name);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("public constant not readable: " + name, e);
        }
      }
    }
    names.put(WinSock.WSANOTINITIALISED, "WSANOTINITIALISED");
    return Map.copyOf(names);
  }

  /** {@code WSAEINPROGRESS} for 10036; "no error" for 0; the number for a code without a name. */
  static String error(int code) {
    return code == 0 ? "no error" : ERRORS.getOrDefault(code, Integer.toString(code));
  }

  /** {@code 127.0.0.1:port}, where the demonstrations' simulated peers listen. */
  static sockaddr_in local(int port) {
    return new sockaddr_in(WinSock.htons(port), WinSock.htonl(WinSock.INADDR_LOOPBACK));
  }

  /**
   * In Win32 mode, installs for the calling task a blocking hook that does what the default hook of
   * Win16 does (PeekMessage, TranslateMessage, DispatchMessage), as the 1.1 specification (section
   * 2.7) tells programs that depend on it to do, since multithreaded Windows has none; in Win16 mode
   * does nothing, so that the default hook runs. Call it after WSAStartup, on the task.
   */
  static void keepDefaultHook(Emulator emu) {
    if (emu.mode() != SchedulingMode.WIN32) {
      return;
    }
    User user = emu.user();
    BlockingHook hook = () -> {                     /* BOOL FAR PASCAL DefaultHook(void) */
      MSG msg = new MSG();
      if (user.PeekMessage(msg, 0, 0, 0, WinUser.PM_REMOVE)) {
        user.TranslateMessage(msg);
        user.DispatchMessage(msg);
        return true;
      }
      return false;
    };
    emu.winsock().WSASetBlockingHook(hook);
  }
}
