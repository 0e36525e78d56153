package org.wsemu.samples.demos;

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
  private TaskDemoSupport() {}

  /** {@code WSAEINPROGRESS} for 10036: the winsock.h name of an error code, for the output. */
  static String error(int code) {
    return BlockingDemos.errorName(code);
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
