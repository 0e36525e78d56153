package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wsemu.Emulator;
import org.wsemu.junit.WsemuTasks;
import org.wsemu.junit.WsemuTest;
import org.wsemu.sim.LinePeer;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/** A user's test of a ported finger client: no harness, no setup beyond the peer. */
@WsemuTest
class FingerClientTest {
  @Test
  void aFingerQueryIsAnswered(Emulator emu, SimulatedNetwork net) throws Exception {
    net.listen(net.defaultHost(), 79, LinePeer.query(Map.of("alice", List.of("Alice Liddell"))));
    WinsockApi ws = emu.winsock();
    assertEquals(15, WsemuTasks.run(emu, () -> {
      ws.WSAStartup(0x0101, new WSADATA());
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.connect(s, new sockaddr_in(htons(79), inet_addr("127.0.0.1")), sockaddr_in.SIZE);
      ws.send(s, "alice\r\n".getBytes(), 7, 0);
      byte[] buf = new byte[64];
      return ws.recv(s, buf, buf.length, 0);           // "Alice Liddell\r\n"
    }));
  }
}
