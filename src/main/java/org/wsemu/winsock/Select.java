package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One select() call: the sockets of its three sets, checked together. A socket ready in a set
 * counts once for that set, however often the set lists it; the sets keep only their ready
 * sockets, each once, in their original order (Windows' select rewrites a set that lists a socket
 * twice with {@code fd_count} 1).
 *
 * <p>Used on the calling task's thread.
 */
final class Select {
  private record Entry(EmulatedSocket socket, boolean read, boolean write, boolean except) {}

  private final fd_set readfds;
  private final fd_set writefds;
  private final fd_set exceptfds;
  private final List<Entry> entries = new ArrayList<>();

  /**
   * @param sockets the socket of every handle found in the sets (all valid)
   */
  Select(fd_set readfds, fd_set writefds, fd_set exceptfds, Map<Integer, EmulatedSocket> sockets) {
    this.readfds = readfds;
    this.writefds = writefds;
    this.exceptfds = exceptfds;
    Map<EmulatedSocket, boolean[]> wanted = new LinkedHashMap<>();
    mark(wanted, readfds, sockets, 0);
    mark(wanted, writefds, sockets, 1);
    mark(wanted, exceptfds, sockets, 2);
    wanted.forEach((socket, bits) -> entries.add(new Entry(socket, bits[0], bits[1], bits[2])));
  }

  private static void mark(Map<EmulatedSocket, boolean[]> wanted, fd_set set, Map<Integer, EmulatedSocket> sockets, int which) {
    if (set == null) {
      return;
    }
    for (int i = 0; i < set.fd_count; i++) {
      wanted.computeIfAbsent(sockets.get(set.fd_array[i]), s -> new boolean[3])[which] = true;
    }
  }

  /** Watches every socket of the sets on {@code call}. */
  void watch(BlockingCall call) {
    for (Entry entry : entries) {
      call.watch(entry.socket(), entry.read(), entry.write(), entry.except());
    }
  }

  /**
   * Checks every socket once: the number of ready memberships (the sets are then narrowed to
   * them), {@link EmulatedSocket#WOULD_BLOCK} when none is ready, or -WSAEINTR if a socket was closed
   * meanwhile (by another task).
   */
  int attempt() {
    Map<EmulatedSocket, Integer> ready = new LinkedHashMap<>();
    int count = 0;
    for (Entry entry : entries) {
      if (entry.socket().closed) {
        return -WinSock.WSAEINTR;
      }
      int bits = entry.socket().lookForSelect(entry.read(), entry.write(), entry.except())
          .select(entry.read(), entry.write(), entry.except());
      if (bits != 0) {
        ready.put(entry.socket(), bits);
        count += Integer.bitCount(bits);
      }
    }
    if (count == 0) {
      return EmulatedSocket.WOULD_BLOCK;
    }
    narrow(readfds, ready, SocketReadiness.READABLE);
    narrow(writefds, ready, SocketReadiness.WRITABLE);
    narrow(exceptfds, ready, SocketReadiness.EXCEPTION);
    return count;
  }

  /** The timeout passed: every set is emptied, select returns 0. */
  int timedOut() {
    clear(readfds);
    clear(writefds);
    clear(exceptfds);
    return 0;
  }

  /** Keeps the ready members of {@code set}, each once (a socket listed twice is returned once). */
  private static void narrow(fd_set set, Map<EmulatedSocket, Integer> ready, int bit) {
    if (set == null) {
      return;
    }
    Set<Integer> readyHandles = new HashSet<>();
    ready.forEach((socket, bits) -> {
      if ((bits & bit) != 0) {
        readyHandles.add(socket.handle);
      }
    });
    int kept = 0;
    for (int i = 0; i < set.fd_count; i++) {
      int fd = set.fd_array[i];
      if (readyHandles.remove(fd)) {
        set.fd_array[kept++] = fd;
      }
    }
    set.fd_count = kept;
  }

  private static void clear(fd_set set) {
    if (set != null) {
      set.fd_count = 0;
    }
  }
}
