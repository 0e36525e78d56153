package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The names the trace gives Windows Sockets constants: each constant, combinations, unknown values, zero. */
class WinsockNamesTest {

  @Test
  void addressFamiliesAreNamedAsInWinsockH() {
    String[] names = {"AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_IMPLINK", "AF_PUP", "AF_CHAOS", "AF_NS", "AF_ISO",
        "AF_ECMA", "AF_DATAKIT", "AF_CCITT", "AF_SNA", "AF_DECnet", "AF_DLI", "AF_LAT", "AF_HYLINK", "AF_APPLETALK",
        "AF_NETBIOS"};
    for (int af = 0; af < names.length; af++) {
      assertEquals(names[af], WinsockNames.addressFamily(af));
    }
    assertEquals("AF_INET", WinsockNames.addressFamily(WinSock.PF_INET));
    assertEquals("AF_ISO", WinsockNames.addressFamily(WinSock.AF_OSI)); // an alias has the first name
    assertEquals("18", WinsockNames.addressFamily(WinSock.AF_MAX));
    assertEquals("-1", WinsockNames.addressFamily(-1));
  }

  @Test
  void socketTypes() {
    assertEquals("SOCK_STREAM", WinsockNames.socketType(WinSock.SOCK_STREAM));
    assertEquals("SOCK_DGRAM", WinsockNames.socketType(WinSock.SOCK_DGRAM));
    assertEquals("SOCK_RAW", WinsockNames.socketType(WinSock.SOCK_RAW));
    assertEquals("SOCK_RDM", WinsockNames.socketType(WinSock.SOCK_RDM));
    assertEquals("SOCK_SEQPACKET", WinsockNames.socketType(WinSock.SOCK_SEQPACKET));
    assertEquals("0", WinsockNames.socketType(0));
    assertEquals("6", WinsockNames.socketType(6));
  }

  @Test
  void protocolZeroStaysZeroAsTheTypesDefault() {
    assertEquals("0", WinsockNames.protocol(0));
    assertEquals("IPPROTO_ICMP", WinsockNames.protocol(WinSock.IPPROTO_ICMP));
    assertEquals("IPPROTO_GGP", WinsockNames.protocol(WinSock.IPPROTO_GGP));
    assertEquals("IPPROTO_TCP", WinsockNames.protocol(WinSock.IPPROTO_TCP));
    assertEquals("IPPROTO_PUP", WinsockNames.protocol(WinSock.IPPROTO_PUP));
    assertEquals("IPPROTO_UDP", WinsockNames.protocol(WinSock.IPPROTO_UDP));
    assertEquals("IPPROTO_IDP", WinsockNames.protocol(WinSock.IPPROTO_IDP));
    assertEquals("IPPROTO_ND", WinsockNames.protocol(WinSock.IPPROTO_ND));
    assertEquals("IPPROTO_RAW", WinsockNames.protocol(WinSock.IPPROTO_RAW));
    assertEquals("256", WinsockNames.protocol(WinSock.IPPROTO_MAX));
  }

  @Test
  void optionLevelsNameLevelZeroIpprotoIp() {
    assertEquals("SOL_SOCKET", WinsockNames.optionLevel(0xFFFF));
    assertEquals("IPPROTO_IP", WinsockNames.optionLevel(0));
    assertEquals("IPPROTO_TCP", WinsockNames.optionLevel(6));
    assertEquals("IPPROTO_UDP", WinsockNames.optionLevel(17));
    assertEquals("65534", WinsockNames.optionLevel(0xFFFE));
  }

  @Test
  void socketLevelOptions() {
    int[] values = {WinSock.SO_DEBUG, WinSock.SO_ACCEPTCONN, WinSock.SO_REUSEADDR, WinSock.SO_KEEPALIVE,
        WinSock.SO_DONTROUTE, WinSock.SO_BROADCAST, WinSock.SO_USELOOPBACK, WinSock.SO_LINGER, WinSock.SO_OOBINLINE,
        WinSock.SO_DONTLINGER, WinSock.SO_SNDBUF, WinSock.SO_RCVBUF, WinSock.SO_SNDLOWAT, WinSock.SO_RCVLOWAT,
        WinSock.SO_SNDTIMEO, WinSock.SO_RCVTIMEO, WinSock.SO_ERROR, WinSock.SO_TYPE};
    String[] names = {"SO_DEBUG", "SO_ACCEPTCONN", "SO_REUSEADDR", "SO_KEEPALIVE", "SO_DONTROUTE", "SO_BROADCAST",
        "SO_USELOOPBACK", "SO_LINGER", "SO_OOBINLINE", "SO_DONTLINGER", "SO_SNDBUF", "SO_RCVBUF", "SO_SNDLOWAT",
        "SO_RCVLOWAT", "SO_SNDTIMEO", "SO_RCVTIMEO", "SO_ERROR", "SO_TYPE"};
    for (int i = 0; i < values.length; i++) {
      assertEquals(names[i], WinsockNames.optionName(WinSock.SOL_SOCKET, values[i]));
    }
    assertEquals("4105", WinsockNames.optionName(WinSock.SOL_SOCKET, 0x1009));
  }

  @Test
  void anOptionIsNamedOnlyAtItsLevel() {
    assertEquals("TCP_NODELAY", WinsockNames.optionName(WinSock.IPPROTO_TCP, WinSock.TCP_NODELAY));
    assertEquals("IP_OPTIONS", WinsockNames.optionName(WinSock.IPPROTO_IP, WinSock.IP_OPTIONS));
    assertEquals("SO_DEBUG", WinsockNames.optionName(WinSock.SOL_SOCKET, 1)); // the same number, another level
    assertEquals("1", WinsockNames.optionName(WinSock.IPPROTO_UDP, 1));
    assertEquals("2", WinsockNames.optionName(WinSock.IPPROTO_TCP, 2));
    assertEquals("128", WinsockNames.optionName(WinSock.IPPROTO_TCP, WinSock.SO_LINGER));
  }

  @Test
  void ioctlCommandsAndUnknownOnesInEightHexDigits() {
    assertEquals("FIONBIO", WinsockNames.ioctlCommand(WinSock.FIONBIO));
    assertEquals("FIONREAD", WinsockNames.ioctlCommand(WinSock.FIONREAD));
    assertEquals("SIOCATMARK", WinsockNames.ioctlCommand(WinSock.SIOCATMARK));
    assertEquals("FIOASYNC", WinsockNames.ioctlCommand(WinSock.FIOASYNC));
    assertEquals("SIOCSHIWAT", WinsockNames.ioctlCommand(WinSock.SIOCSHIWAT));
    assertEquals("SIOCGHIWAT", WinsockNames.ioctlCommand(WinSock.SIOCGHIWAT));
    assertEquals("SIOCSLOWAT", WinsockNames.ioctlCommand(WinSock.SIOCSLOWAT));
    assertEquals("SIOCGLOWAT", WinsockNames.ioctlCommand(WinSock.SIOCGLOWAT));
    assertEquals("FIONBIO", WinsockNames.ioctlCommand(0x8004667E)); // the number winsock.h computes
    assertEquals("0x8004667F", WinsockNames.ioctlCommand(0x8004667F));
    assertEquals("0x00000000", WinsockNames.ioctlCommand(0));
  }

  @Test
  void networkEventsOneByOneAndJoinedInBitOrder() {
    String[] names = {"FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT", "FD_CLOSE", "FD_QOS", "FD_GROUP_QOS",
        "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE"};
    for (int bit = 0; bit < names.length; bit++) {
      assertEquals(names[bit], WinsockNames.networkEvents(1 << bit));
    }
    assertEquals("0", WinsockNames.networkEvents(0));
    assertEquals("FD_READ|FD_WRITE|FD_CLOSE", WinsockNames.networkEvents(WinSock.FD_CLOSE | WinSock.FD_WRITE | WinSock.FD_READ));
    assertEquals("FD_READ|FD_WRITE|FD_OOB|FD_ACCEPT|FD_CONNECT|FD_CLOSE", WinsockNames.networkEvents(0x3F));
    assertEquals("FD_READ|0x0400", WinsockNames.networkEvents(0x0401));
    assertEquals("0x0C00", WinsockNames.networkEvents(0x0C00));
    assertEquals("FD_ACCEPT|0x80000000", WinsockNames.networkEvents(0x80000008));
  }

  @Test
  void messageFlags() {
    assertEquals("0", WinsockNames.messageFlags(0));
    assertEquals("MSG_OOB", WinsockNames.messageFlags(WinSock.MSG_OOB));
    assertEquals("MSG_PEEK", WinsockNames.messageFlags(WinSock.MSG_PEEK));
    assertEquals("MSG_DONTROUTE", WinsockNames.messageFlags(WinSock.MSG_DONTROUTE));
    assertEquals("MSG_WAITALL", WinsockNames.messageFlags(WinSock2.MSG_WAITALL));
    assertEquals("MSG_PUSH_IMMEDIATE", WinsockNames.messageFlags(WinSock2.MSG_PUSH_IMMEDIATE));
    assertEquals("MSG_PARTIAL", WinsockNames.messageFlags(WinSock2.MSG_PARTIAL));
    assertEquals("MSG_OOB|MSG_PEEK", WinsockNames.messageFlags(WinSock.MSG_PEEK | WinSock.MSG_OOB));
    assertEquals("MSG_PEEK|0x0040", WinsockNames.messageFlags(0x42));
  }

  @Test
  void socketFlags() {
    assertEquals("0", WinsockNames.socketFlags(0));
    assertEquals("WSA_FLAG_OVERLAPPED", WinsockNames.socketFlags(WinSock2.WSA_FLAG_OVERLAPPED));
    assertEquals("WSA_FLAG_OVERLAPPED|0x0002", WinsockNames.socketFlags(0x03));
  }

  @Test
  void shutdownHowHasWinsock2Names() {
    assertEquals("SD_RECEIVE", WinsockNames.shutdownHow(0));
    assertEquals("SD_SEND", WinsockNames.shutdownHow(1));
    assertEquals("SD_BOTH", WinsockNames.shutdownHow(2));
    assertEquals("3", WinsockNames.shutdownHow(3));
    assertEquals("-1", WinsockNames.shutdownHow(-1));
  }

  @Test
  void errorsAsTheTraceSpellsThem() {
    assertEquals("0", WinsockNames.error(0));
    assertEquals("WSAEINPROGRESS", WinsockNames.error(WinSock.WSAEINPROGRESS));
    assertEquals("WSANO_DATA", WinsockNames.error(WinSock.WSANO_DATA)); // not its alias WSANO_ADDRESS
    assertEquals("WSA_IO_PENDING", WinsockNames.error(WinSock2.WSA_IO_PENDING));
    assertEquals("12345", WinsockNames.error(12345));
  }
}
