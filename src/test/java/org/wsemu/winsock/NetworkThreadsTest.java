package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.testing.Emus.threadsOf;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/** One selector thread per emulator serves every socket: no thread per socket or per blocking call. */
@Timeout(30)
class NetworkThreadsTest {

  @BothModes
  void fiftyConnectionsWithBlockedCallsUseOneSelectorThreadAndNoOther(SchedulingMode mode) throws Exception {
    String name = "threads-" + mode;
    List<String> during = new ArrayList<>();
    try (Emulator emu = builder(mode).name(name).build()) {
      Emus.run(emu, () -> {
        WinsockApi ws = emu.winsock();
        startup(ws);
        int[] listener = listener(ws);
        List<Integer> servers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          int client = ws.socket(AF_INET, SOCK_STREAM, 0);
          assertEquals(0, ws.connect(client, loopback(listener[1]), sockaddr_in.SIZE));
          servers.add(ws.accept(listener[0], null, null));
        }
        // block on all of them at once: a select over fifty sockets, cancelled by the hook once it ran
        fd_set readable = new fd_set(64);
        servers.forEach(s -> FD_SET(s, readable));
        ws.WSASetBlockingHook(() -> {
          during.addAll(threadsOf(name));
          ws.WSACancelBlockingCall();
          return false;
        });
        assertEquals(SOCKET_ERROR, ws.select(0, readable, null, null, null));
        assertEquals(WSAEINTR, ws.WSAGetLastError());
        return 0;
      });
    }
    assertEquals(List.of("wsemu-" + name + "-selector", "wsemu-" + name + "-task-0001:main"), during);
    assertEquals(List.of(), threadsOf(name));
  }
}
