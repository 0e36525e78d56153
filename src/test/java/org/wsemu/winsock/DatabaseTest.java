package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  private final byte[] LOOPBACK = {127, 0, 0, 1};
  private final byte[] ALPHA_1 = {10, 0, 0, 1};
  private final byte[] ALPHA_2 = {10, 0, 0, 2};
  private final byte[] HIGH = {(byte) 192, (byte) 168, 1, (byte) 200};

  private final Database db =
      Database.create(
          "WSHOST",
          List.of(
              new HostRecord("alpha", List.of("a1"), List.of(ALPHA_1)),
              new HostRecord("server", List.of("www"), List.of(HIGH)),
              new HostRecord("ALPHA", List.of("a2", "A1"), List.of(ALPHA_2, ALPHA_1))));

  private static List<String> dotted(HostRecord host) {
    return host.addresses().stream().map(HostRecord::dotted).toList();
  }

  @Test
  void theHostsTableListsLocalhostThenTheMachineThenTheExtraHostsMerged() {
    List<HostRecord> hosts = db.hosts();
    assertEquals(List.of("localhost", "WSHOST", "alpha", "server"), hosts.stream().map(HostRecord::name).toList());
    assertEquals(new HostRecord("localhost", List.of(), List.of(LOOPBACK)), hosts.get(0));
    assertEquals(new HostRecord("WSHOST", List.of(), List.of(LOOPBACK)), hosts.get(1));
  }

  @Test
  void aHostNamedTwiceGetsBothAddressesInOrderAndNoDuplicateAliases() {
    HostRecord alpha = db.hostByName("alpha");
    assertEquals("alpha", alpha.name());
    assertEquals(List.of("a1", "a2"), alpha.aliases());
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), dotted(alpha));
  }

  @Test
  void aLocalHostNameOfLocalhostIsNotListedTwice() {
    Database plain = Database.create("LocalHost", List.of());
    assertEquals(List.of(new HostRecord("localhost", List.of(), List.of(LOOPBACK))), plain.hosts());
  }

  @Test
  void anExtraHostNamedLikeTheMachineAddsItsAddressToTheMachine() {
    Database merged = Database.create("wshost", List.of(new HostRecord("WSHost", List.of("me"), List.of(HIGH))));
    assertEquals(new HostRecord("wshost", List.of("me"), List.of(LOOPBACK, HIGH)), merged.hostByName("ME"));
  }

  @Test
  void hostByNameIgnoresCaseAndFindsAliases() {
    assertEquals("localhost", db.hostByName("LOCALHOST").name());
    assertEquals("WSHOST", db.hostByName("wshost").name());
    assertEquals("alpha", db.hostByName("A2").name());
    assertEquals(new HostRecord("server", List.of("www"), List.of(HIGH)), db.hostByName("WWW"));
  }

  @Test
  void hostByNameDoesNotResolveDottedAddresses() {
    assertNull(db.hostByName("127.0.0.1"));
    assertNull(db.hostByName("10.0.0.1"));
  }

  @Test
  void hostByNameOfAnUnknownOrNullNameIsNull() {
    assertNull(db.hostByName("nosuchhost"));
    assertNull(db.hostByName(""));
    assertNull(db.hostByName(null));
  }

  @Test
  void hostByAddressOfLoopbackIsLocalhostBecauseItComesFirst() {
    assertEquals(
        new HostRecord("localhost", List.of(), List.of(LOOPBACK)), db.hostByAddress(new byte[] {127, 0, 0, 1}));
  }

  @Test
  void hostByAddressFindsEveryAddressOfAMergedHost() {
    assertEquals("alpha", db.hostByAddress(ALPHA_1.clone()).name());
    assertEquals("alpha", db.hostByAddress(ALPHA_2.clone()).name());
    assertEquals("server", db.hostByAddress(new byte[] {(byte) 192, (byte) 168, 1, (byte) 200}).name());
  }

  @Test
  void hostByAddressOfAnUnknownNullOrWrongLengthAddressIsNull() {
    assertNull(db.hostByAddress(new byte[] {10, 0, 0, 3}));
    assertNull(db.hostByAddress(new byte[] {1, 0, 0, 127}), "network byte order, not reversed");
    assertNull(db.hostByAddress(null));
    assertNull(db.hostByAddress(new byte[] {127, 0, 0}));
    assertNull(db.hostByAddress(new byte[] {127, 0, 0, 1, 0}));
  }

  @Test
  void aReturnedHostCannotChangeTheDatabase() {
    HostRecord first = db.hostByName("localhost");
    first.addresses().get(0)[0] = 1;
    assertArrayEquals(LOOPBACK, db.hostByName("localhost").addresses().get(0));
    assertNotSame(db.hostByName("localhost").addresses().get(0), db.hostByName("localhost").addresses().get(0));
  }

  @Test
  void aHostRecordCopiesItsInputs() {
    byte[] address = {10, 0, 0, 9};
    HostRecord host = new HostRecord("h", List.of(), List.of(address));
    address[3] = 0;
    assertEquals(List.of("10.0.0.9"), dotted(host));
    assertThrows(UnsupportedOperationException.class, () -> host.aliases().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> host.addresses().add(LOOPBACK));
  }

  @Test
  void aHostRecordRejectsAnAddressThatIsNotFourBytes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new HostRecord("h", List.of(), List.of(new byte[] {1, 2, 3})));
    assertEquals("address length != 4: 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new HostRecord("h", List.of(), List.of(new byte[16])));
    assertEquals("address length != 4: 16", e.getMessage());
  }

  @Test
  void aHostRecordRejectsANullName() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new HostRecord(null, List.of(), List.of()));
    assertEquals("name", e.getMessage());
  }

  @Test
  void serviceByNameWithoutProtocolFindsTcpBeforeUdp() {
    assertEquals(new ServiceRecord("echo", List.of(), 7, "tcp"), db.serviceByName("echo", null));
    assertEquals(new ServiceRecord("domain", List.of(), 53, "tcp"), db.serviceByName("domain", null));
    assertEquals(new ServiceRecord("tftp", List.of(), 69, "udp"), db.serviceByName("tftp", null), "udp only");
  }

  @Test
  void serviceByNameFiltersByProtocolIgnoringCase() {
    assertEquals(new ServiceRecord("echo", List.of(), 7, "udp"), db.serviceByName("echo", "udp"));
    assertEquals(new ServiceRecord("echo", List.of(), 7, "udp"), db.serviceByName("ECHO", "UDP"));
    assertEquals(new ServiceRecord("telnet", List.of(), 23, "tcp"), db.serviceByName("Telnet", "Tcp"));
    assertNull(db.serviceByName("telnet", "udp"));
    assertNull(db.serviceByName("tftp", "tcp"));
  }

  @Test
  void serviceByNameFindsAliases() {
    assertEquals(new ServiceRecord("discard", List.of("sink", "null"), 9, "tcp"), db.serviceByName("NULL", null));
    assertEquals(new ServiceRecord("discard", List.of("sink", "null"), 9, "udp"), db.serviceByName("sink", "udp"));
    assertEquals(new ServiceRecord("http", List.of("www", "www-http"), 80, "tcp"), db.serviceByName("www", "tcp"));
    assertEquals(new ServiceRecord("smtp", List.of("mail"), 25, "tcp"), db.serviceByName("mail", null));
    assertEquals(new ServiceRecord("router", List.of("route", "routed"), 520, "udp"), db.serviceByName("routed", null));
    assertEquals(new ServiceRecord("cmd", List.of("shell"), 514, "tcp"), db.serviceByName("shell", null));
  }

  @Test
  void serviceByNameOfAnUnknownOrNullNameOrProtocolIsNull() {
    assertNull(db.serviceByName("nosuchservice", null));
    assertNull(db.serviceByName("echo", "icmp"));
    assertNull(db.serviceByName(null, "tcp"));
  }

  @Test
  void serviceByPortTakesTheHostOrderPortAndFiltersByProtocol() {
    assertEquals(new ServiceRecord("telnet", List.of(), 23, "tcp"), db.serviceByPort(23, null));
    assertEquals(new ServiceRecord("exec", List.of(), 512, "tcp"), db.serviceByPort(512, null));
    assertEquals(new ServiceRecord("biff", List.of("comsat"), 512, "udp"), db.serviceByPort(512, "udp"));
    assertEquals(new ServiceRecord("who", List.of("whod"), 513, "udp"), db.serviceByPort(513, "UDP"));
    assertEquals(new ServiceRecord("syslog", List.of(), 514, "udp"), db.serviceByPort(514, "udp"));
    assertEquals(new ServiceRecord("ntp", List.of(), 123, "udp"), db.serviceByPort(123, null));
  }

  @Test
  void serviceByPortOfAnUnusedPortOrWrongProtocolIsNull() {
    assertNull(db.serviceByPort(0x1700, null), "23 in network byte order is not a service");
    assertNull(db.serviceByPort(4, null));
    assertNull(db.serviceByPort(123, "tcp"));
    assertNull(db.serviceByPort(-1, null));
  }

  @Test
  void theBundledServicesIncludeTheWellKnownWindowsEntries() {
    assertEquals(new ServiceRecord("chargen", List.of("ttytst", "source"), 19, "tcp"), db.serviceByName("ttytst", null));
    assertEquals(new ServiceRecord("qotd", List.of("quote"), 17, "udp"), db.serviceByName("quote", "udp"));
    assertEquals(new ServiceRecord("systat", List.of("users"), 11, "tcp"), db.serviceByPort(11, null));
    assertEquals(new ServiceRecord("time", List.of("timserver"), 37, "tcp"), db.serviceByName("timserver", null));
    assertEquals(new ServiceRecord("nameserver", List.of("name"), 42, "udp"), db.serviceByName("name", "udp"));
    assertEquals(new ServiceRecord("nicname", List.of("whois"), 43, "tcp"), db.serviceByName("whois", null));
    assertEquals(new ServiceRecord("nntp", List.of("usenet"), 119, "tcp"), db.serviceByName("usenet", null));
    assertEquals(new ServiceRecord("netbios-dgm", List.of("nbdatagram"), 138, "udp"), db.serviceByPort(138, null));
    assertEquals(new ServiceRecord("printer", List.of("spooler"), 515, "tcp"), db.serviceByName("spooler", null));
    assertEquals(new ServiceRecord("ntalk", List.of(), 518, "udp"), db.serviceByName("ntalk", null));
    assertEquals(
        List.of("ftp-data", "ftp", "gopher", "finger", "pop3", "sunrpc", "netbios-ns", "netbios-ssn", "imap", "snmp",
            "irc", "login", "talk"),
        List.of(20, 21, 70, 79, 110, 111, 137, 139, 143, 161, 194, 513, 517).stream()
            .map(port -> db.serviceByPort(port, null).name()).toList());
  }

  @Test
  void protocolByNameIgnoresCaseAndFindsAliases() {
    assertEquals(new ProtocolRecord("tcp", List.of("TCP"), 6), db.protocolByName("tcp"));
    assertEquals(new ProtocolRecord("udp", List.of("UDP"), 17), db.protocolByName("Udp"));
    assertEquals(new ProtocolRecord("xns-idp", List.of("XNS-IDP"), 22), db.protocolByName("XNS-IDP"));
    assertEquals(new ProtocolRecord("ipv6-icmp", List.of("IPv6-ICMP"), 58), db.protocolByName("IPV6-ICMP"));
    assertNull(db.protocolByName("nosuchprotocol"));
    assertNull(db.protocolByName(null));
  }

  @Test
  void protocolByNumberFindsEveryBundledProtocol() {
    assertEquals(
        List.of("ip", "icmp", "ggp", "tcp", "egp", "pup", "udp", "hmp", "xns-idp", "rdp", "ipv6", "ipv6-route",
            "ipv6-frag", "esp", "ah", "ipv6-icmp", "ipv6-nonxt", "ipv6-opts", "rvd"),
        List.of(0, 1, 3, 6, 8, 12, 17, 20, 22, 27, 41, 43, 44, 50, 51, 58, 59, 60, 66).stream()
            .map(n -> db.protocolByNumber(n).name()).toList());
    assertEquals(new ProtocolRecord("ip", List.of("IP"), 0), db.protocolByNumber(0));
    assertNull(db.protocolByNumber(2));
    assertNull(db.protocolByNumber(255));
    assertNull(db.protocolByNumber(-1));
  }

  @Test
  void createRejectsNullArguments() {
    assertEquals(
        "localHostName", assertThrows(NullPointerException.class, () -> Database.create(null, List.of())).getMessage());
    assertEquals("extraHosts", assertThrows(NullPointerException.class, () -> Database.create("h", null)).getMessage());
  }
}
