package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;

/**
 * The database functions through the API: hosts (the embedded table, configured names), services,
 * protocols, gethostname, the per-task result structures and errors. Latency is in
 * {@link LookupLatencyTest}.
 */
@Timeout(20)
class DatabaseFunctionsTest {

  static final byte[] LOOPBACK = {127, 0, 0, 1};

  static void assertHost(hostent h, String name, String[] aliases, byte[]... addresses) {
    assertNotNull(h, "hostent");
    assertEquals(name, h.h_name);
    assertArrayEquals(aliases, h.h_aliases, "h_aliases");
    assertEquals(AF_INET, h.h_addrtype);
    assertEquals(4, h.h_length);
    assertArrayEquals(addresses, h.h_addr_list, "h_addr_list");
    assertArrayEquals(addresses[0], h.h_addr(), "h_addr");
  }

  private static void assertFails(WinsockApi ws, Object result, int error) {
    assertNull(result);
    assertEquals(error, ws.WSAGetLastError());
  }

  @BothModes
  void localhostIsTheLoopbackAddress(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
      assertHost(ws.gethostbyname("LocalHost"), "localhost", new String[0], LOOPBACK);
      assertHost(ws.gethostbyaddr(LOOPBACK.clone(), 4, AF_INET), "localhost", new String[0], LOOPBACK);
      return 0;
    });
  }

  @BothModes
  void theDefaultHostNameIsWsemuAtTheLoopbackAddress(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      byte[] name = new byte[32];
      assertEquals(0, ws.gethostname(name, name.length));
      assertEquals("wsemu\0", ascii(name, 6));
      assertHost(ws.gethostbyname("wsemu"), "wsemu", new String[0], LOOPBACK);
      return 0;
    });
  }

  @BothModes
  void theConfiguredHostNameResolvesAndGethostnameReturnsItNulTerminated(SchedulingMode mode) throws Exception {
    run(builder(mode).hostName("testhost"), (emu, ws, user) -> {
      startup(ws);
      byte[] name = new byte[9];
      Arrays.fill(name, (byte) 'x');
      assertEquals(0, ws.gethostname(name, 9), "exactly the name and its NUL");
      assertArrayEquals(ascii("testhost\0"), name);
      assertHost(ws.gethostbyname("testhost"), "testhost", new String[0], LOOPBACK);
      assertEquals(SOCKET_ERROR, ws.gethostname(new byte[9], 8), "no room for the NUL");
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.gethostname(new byte[8], 9), "namelen larger than the buffer");
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      assertEquals(SOCKET_ERROR, ws.gethostname(null, 64));
      assertEquals(WSAEFAULT, ws.WSAGetLastError());
      return 0;
    });
  }

  @BothModes
  void extraHostsResolveByNameAliasAndAddress(SchedulingMode mode) throws Exception {
    byte[] address = {10, 1, 2, 3};
    run(builder(mode).host("server.example", "10.1.2.3", "srv"), (emu, ws, user) -> {
      startup(ws);
      String[] aliases = {"srv"};
      assertHost(ws.gethostbyname("server.example"), "server.example", aliases, address);
      assertHost(ws.gethostbyname("SRV"), "server.example", aliases, address);
      assertHost(ws.gethostbyaddr(address.clone(), 4, AF_INET), "server.example", aliases, address);
      assertFails(ws, ws.gethostbyaddr(new byte[] {3, 2, 1, 10}, 4, AF_INET), WSAHOST_NOT_FOUND);
      return 0;
    });
  }

  @BothModes
  void dottedAndUnknownNamesAreNotFound(SchedulingMode mode) throws Exception {
    run(builder(mode).host("server.example", "10.1.2.3"), (emu, ws, user) -> {
      startup(ws);
      assertFails(ws, ws.gethostbyname("127.0.0.1"), WSAHOST_NOT_FOUND);
      assertFails(ws, ws.gethostbyname("10.1.2.3"), WSAHOST_NOT_FOUND);
      assertFails(ws, ws.gethostbyname("nosuchhost.example"), WSAHOST_NOT_FOUND);
      assertFails(ws, ws.gethostbyname(""), WSAHOST_NOT_FOUND);
      assertFails(ws, ws.gethostbyaddr(new byte[] {10, 9, 9, 9}, 4, AF_INET), WSAHOST_NOT_FOUND);
      return 0;
    });
  }

  @BothModes
  void badHostArgumentsFailWithFaultOrAfNoSupport(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      assertFails(ws, ws.gethostbyname(null), WSAEFAULT);
      assertFails(ws, ws.gethostbyaddr(LOOPBACK.clone(), 3, AF_INET), WSAEFAULT);
      assertFails(ws, ws.gethostbyaddr(new byte[] {127, 0, 0}, 4, AF_INET), WSAEFAULT);
      assertFails(ws, ws.gethostbyaddr(null, 4, AF_INET), WSAEFAULT);
      assertFails(ws, ws.gethostbyaddr(LOOPBACK.clone(), 4, AF_UNIX), WSAEAFNOSUPPORT);
      return 0;
    });
  }

  @BothModes
  void servicesAreFoundByNameAndByNetworkOrderPort(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      servent telnet = ws.getservbyname("telnet", "tcp");
      assertEquals("telnet", telnet.s_name);
      assertEquals(htons(23), telnet.s_port);
      assertEquals(0x1700, telnet.s_port, "as an x86 host holds network order");
      assertEquals("tcp", telnet.s_proto);
      servent http = ws.getservbyport(htons(80), null);
      assertEquals("http", http.s_name);
      assertArrayEquals(new String[] {"www", "www-http"}, http.s_aliases);
      assertEquals(htons(80), http.s_port);
      assertEquals("tcp", http.s_proto);
      servent domain = ws.getservbyname("domain", "udp");
      assertEquals("udp", domain.s_proto);
      assertEquals(htons(53), domain.s_port);
      assertEquals("tftp", ws.getservbyport(htons(69), "udp").s_name);
      return 0;
    });
  }

  @BothModes
  void unknownServicesFailWithNoData(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      assertFails(ws, ws.getservbyname("nosuchservice", "tcp"), WSANO_DATA);
      assertFails(ws, ws.getservbyname("telnet", "udp"), WSANO_DATA);
      assertFails(ws, ws.getservbyport(htons(4), null), WSANO_DATA);
      assertFails(ws, ws.getservbyport(htons(69), "tcp"), WSANO_DATA);
      assertFails(ws, ws.getservbyname(null, "tcp"), WSAEFAULT);
      return 0;
    });
  }

  @BothModes
  void protocolsAreFoundByNameAndNumber(SchedulingMode mode) throws Exception {
    run(mode, (emu, ws, user) -> {
      startup(ws);
      protoent udp = ws.getprotobyname("udp");
      assertEquals("udp", udp.p_name);
      assertEquals(IPPROTO_UDP, udp.p_proto);
      assertArrayEquals(new String[] {"UDP"}, udp.p_aliases);
      assertEquals("tcp", ws.getprotobynumber(IPPROTO_TCP).p_name);
      assertEquals(IPPROTO_TCP, ws.getprotobyname("TCP").p_proto);
      assertFails(ws, ws.getprotobyname("nosuchprotocol"), WSANO_DATA);
      assertFails(ws, ws.getprotobynumber(255), WSANO_DATA);
      assertFails(ws, ws.getprotobyname(null), WSAEFAULT);
      return 0;
    });
  }

  @BothModes
  void eachKindOfLookupReusesTheTasksOneStructure(SchedulingMode mode) throws Exception {
    run(builder(mode).host("server.example", "10.1.2.3", "srv"), (emu, ws, user) -> {
      startup(ws);
      hostent first = ws.gethostbyname("localhost");
      hostent second = ws.gethostbyname("srv");
      assertSame(first, second);
      assertEquals("server.example", first.h_name, "overwritten by the next lookup");
      assertArrayEquals(new byte[] {10, 1, 2, 3}, first.h_addr());
      assertSame(first, ws.gethostbyaddr(LOOPBACK.clone(), 4, AF_INET));
      assertEquals("localhost", first.h_name);
      assertNull(ws.gethostbyname("nosuchhost"));
      assertEquals("localhost", first.h_name, "a failed lookup leaves it");
      servent service = ws.getservbyname("telnet", "tcp");
      assertSame(service, ws.getservbyport(htons(80), "tcp"));
      assertEquals("http", service.s_name);
      protoent protocol = ws.getprotobyname("tcp");
      assertSame(protocol, ws.getprotobynumber(IPPROTO_UDP));
      assertEquals("udp", protocol.p_name);
      return 0;
    });
  }

  @World.AllWorlds
  void anotherTasksLookupsDoNotTouchThisTasksStructure(World world) throws Exception {
    AtomicReference<hostent> otherHost = new AtomicReference<>();
    run(builder(world).host("server.example", "10.1.2.3"), (emu, ws, user) -> {
      startup(ws);
      hostent mine = ws.gethostbyname("localhost");
      int s = ws.socket(AF_INET, SOCK_DGRAM, 0);
      assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE));
      int port = localPort(ws, s);
      emu.createTask("other", () -> {
        startup(ws);
        otherHost.set(ws.gethostbyname("server.example"));
        int out = ws.socket(AF_INET, SOCK_DGRAM, 0);
        ws.sendto(out, ascii("done"), 4, 0, loopback(port), sockaddr_in.SIZE); // wakes the first task
        return ws.closesocket(out);
      });
      assertEquals(4, ws.recv(s, new byte[4], 4, 0));
      assertEquals("localhost", mine.h_name);
      assertNotSame(mine, otherHost.get());
      assertEquals("server.example", otherHost.get().h_name);
      return 0;
    });
  }

  @Test
  void lookupsWorkOnAnEmulatorWithoutANetwork() throws Exception {
    run(Emus.builder(SchedulingMode.WIN16).network(null), (emu, ws, user) -> {
      startup(ws);
      assertEquals(INVALID_SOCKET, ws.socket(AF_INET, SOCK_STREAM, 0));
      assertEquals(WSAENETDOWN, ws.WSAGetLastError());
      assertHost(ws.gethostbyname("localhost"), "localhost", new String[0], LOOPBACK);
      assertEquals(htons(21), ws.getservbyname("ftp", null).s_port);
      assertEquals(IPPROTO_ICMP, ws.getprotobyname("icmp").p_proto);
      byte[] name = new byte[16];
      assertEquals(0, ws.gethostname(name, 16));
      assertEquals("wsemu\0", ascii(name, 6));
      return 0;
    });
  }
}
