package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wsemu.internal.GuardedBy;

/**
 * A Windows Sockets application: its WSAStartup count, the version it negotiated first, and its
 * sockets. In Win16 mode every task is one; in Win32 mode the emulator is one process, one
 * application shared by every task.
 *
 * <p>Thread-safe.
 */
final class WinsockApplication {
  final String name;
  @GuardedBy("this") private int startups;
  @GuardedBy("this") private int version;
  @GuardedBy("this") private final Set<EmulatedSocket> sockets = new LinkedHashSet<>();
  /** Its WSAAsyncGetXByY requests. */
  final AsyncRequests requests = new AsyncRequests();

  WinsockApplication(String name) {
    this.name = name;
  }

  synchronized boolean initialized() {
    return startups > 0;
  }

  /** One more WSAStartup; the first one sets the application's version. */
  synchronized void startup(int negotiated) {
    if (startups++ == 0) {
      version = negotiated;
    }
  }

  /**
   * One less WSAStartup.
   *
   * @return the sockets to close if that was the last one, else an empty list
   */
  synchronized List<EmulatedSocket> cleanup() {
    if (--startups > 0) {
      return List.of();
    }
    List<EmulatedSocket> all = new ArrayList<>(sockets);
    sockets.clear();
    return all;
  }

  /** Forgets everything: the application ended. Returns its sockets. */
  synchronized List<EmulatedSocket> end() {
    startups = 0;
    List<EmulatedSocket> all = new ArrayList<>(sockets);
    sockets.clear();
    return all;
  }

  /** Its WSAStartup calls not yet matched by a WSACleanup. */
  synchronized int startupCount() {
    return startups;
  }

  synchronized int version() {
    return version;
  }

  synchronized int socketCount() {
    return sockets.size();
  }

  /** Its open sockets now (a snapshot). */
  synchronized List<EmulatedSocket> sockets() {
    return List.copyOf(sockets);
  }

  synchronized void add(EmulatedSocket socket) {
    sockets.add(socket);
  }

  synchronized void remove(EmulatedSocket socket) {
    sockets.remove(socket);
  }
}
