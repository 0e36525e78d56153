package org.wsemu.winsock;

import java.util.Locale;
import java.util.Map;

/**
 * The names of the Windows Sockets constants a trace shows for an argument, spelled as in
 * winsock.h and winsock2.h: {@code socket af=AF_INET type=SOCK_STREAM protocol=0},
 * {@code WSAAsyncSelect ... lEvent=FD_READ|FD_CLOSE}, {@code ioctlsocket cmd=FIONBIO},
 * {@code setsockopt level=SOL_SOCKET optname=SO_LINGER}. Public so that a program's own output
 * can spell a value as its trace does:
 *
 * <pre>{@code
 * String events = WinsockNames.networkEvents(WinSock.FD_READ | WinSock.FD_CLOSE); // "FD_READ|FD_CLOSE"
 * }</pre>
 *
 * <p>The rules: a value of an enumeration (a family, a type, a level...) is its name, or its
 * number in decimal when it has none; a set of bits (FD_*, MSG_*) is its names joined by {@code |}
 * in the order of their bits, the bits without a name last, together, as {@code 0x} and four or more
 * hex digits ({@code FD_READ|0x1000}), and the empty set is {@code 0}; an ioctl command without a name is {@code 0x} and eight hex digits.
 * Zero stays {@code 0} where it means "the default" (a protocol, flags).
 *
 * <p>Stateless: every method may be called from any thread.
 */
public final class WinsockNames {
  private WinsockNames() {}

  private static final String[] FAMILIES = {"AF_UNSPEC", "AF_UNIX", "AF_INET", "AF_IMPLINK", "AF_PUP",
      "AF_CHAOS", "AF_NS", "AF_ISO", "AF_ECMA", "AF_DATAKIT", "AF_CCITT", "AF_SNA", "AF_DECnet", "AF_DLI",
      "AF_LAT", "AF_HYLINK", "AF_APPLETALK", "AF_NETBIOS"};

  private static final String[] TYPES = {null, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
      "SOCK_SEQPACKET"};

  private static final Map<Integer, String> PROTOCOLS = Map.of(WinSock.IPPROTO_ICMP, "IPPROTO_ICMP",
      WinSock.IPPROTO_GGP, "IPPROTO_GGP", WinSock.IPPROTO_TCP, "IPPROTO_TCP", WinSock.IPPROTO_PUP, "IPPROTO_PUP",
      WinSock.IPPROTO_UDP, "IPPROTO_UDP", WinSock.IPPROTO_IDP, "IPPROTO_IDP", WinSock.IPPROTO_ND, "IPPROTO_ND",
      WinSock.IPPROTO_RAW, "IPPROTO_RAW");

  private static final Map<Integer, String> IOCTLS = Map.of(WinSock.FIONREAD, "FIONREAD", WinSock.FIONBIO,
      "FIONBIO", WinSock.FIOASYNC, "FIOASYNC", WinSock.SIOCSHIWAT, "SIOCSHIWAT", WinSock.SIOCGHIWAT, "SIOCGHIWAT",
      WinSock.SIOCSLOWAT, "SIOCSLOWAT", WinSock.SIOCGLOWAT, "SIOCGLOWAT", WinSock.SIOCATMARK, "SIOCATMARK");

  private static final Map<Integer, String> SOCKET_OPTIONS = Map.ofEntries(
      Map.entry(WinSock.SO_DEBUG, "SO_DEBUG"), Map.entry(WinSock.SO_ACCEPTCONN, "SO_ACCEPTCONN"),
      Map.entry(WinSock.SO_REUSEADDR, "SO_REUSEADDR"), Map.entry(WinSock.SO_KEEPALIVE, "SO_KEEPALIVE"),
      Map.entry(WinSock.SO_DONTROUTE, "SO_DONTROUTE"), Map.entry(WinSock.SO_BROADCAST, "SO_BROADCAST"),
      Map.entry(WinSock.SO_USELOOPBACK, "SO_USELOOPBACK"), Map.entry(WinSock.SO_LINGER, "SO_LINGER"),
      Map.entry(WinSock.SO_OOBINLINE, "SO_OOBINLINE"), Map.entry(WinSock.SO_DONTLINGER, "SO_DONTLINGER"),
      Map.entry(WinSock.SO_SNDBUF, "SO_SNDBUF"), Map.entry(WinSock.SO_RCVBUF, "SO_RCVBUF"),
      Map.entry(WinSock.SO_SNDLOWAT, "SO_SNDLOWAT"), Map.entry(WinSock.SO_RCVLOWAT, "SO_RCVLOWAT"),
      Map.entry(WinSock.SO_SNDTIMEO, "SO_SNDTIMEO"), Map.entry(WinSock.SO_RCVTIMEO, "SO_RCVTIMEO"),
      Map.entry(WinSock.SO_ERROR, "SO_ERROR"), Map.entry(WinSock.SO_TYPE, "SO_TYPE"));

  private static final int[] EVENT_BITS = {WinSock.FD_READ, WinSock.FD_WRITE, WinSock.FD_OOB, WinSock.FD_ACCEPT,
      WinSock.FD_CONNECT, WinSock.FD_CLOSE, WinSock2.FD_QOS, WinSock2.FD_GROUP_QOS,
      WinSock2.FD_ROUTING_INTERFACE_CHANGE, WinSock2.FD_ADDRESS_LIST_CHANGE};
  private static final String[] EVENT_NAMES = {"FD_READ", "FD_WRITE", "FD_OOB", "FD_ACCEPT", "FD_CONNECT",
      "FD_CLOSE", "FD_QOS", "FD_GROUP_QOS", "FD_ROUTING_INTERFACE_CHANGE", "FD_ADDRESS_LIST_CHANGE"};

  private static final int[] MESSAGE_FLAG_BITS = {WinSock.MSG_OOB, WinSock.MSG_PEEK, WinSock.MSG_DONTROUTE,
      WinSock2.MSG_WAITALL, WinSock2.MSG_PUSH_IMMEDIATE, WinSock2.MSG_PARTIAL};
  private static final String[] MESSAGE_FLAG_NAMES = {"MSG_OOB", "MSG_PEEK", "MSG_DONTROUTE", "MSG_WAITALL",
      "MSG_PUSH_IMMEDIATE", "MSG_PARTIAL"};

  private static final int[] SOCKET_FLAG_BITS = {WinSock2.WSA_FLAG_OVERLAPPED};
  private static final String[] SOCKET_FLAG_NAMES = {"WSA_FLAG_OVERLAPPED"};

  /**
   * An error code as WSAGetLastError's reader names it: {@code WSAEINPROGRESS}, {@code WSA_IO_PENDING},
   * {@code 0} for none, an unknown one in decimal (the spelling of the trace's {@code error} fields).
   */
  public static String error(int error) {
    return error == 0 ? "0" : ErrorNames.of(error);
  }

  /** An address family ({@code socket}'s af, {@code gethostbyaddr}'s type): {@code AF_INET}, or the number. */
  public static String addressFamily(int af) {
    return af >= 0 && af < FAMILIES.length ? FAMILIES[af] : Integer.toString(af);
  }

  /** A socket type: {@code SOCK_STREAM}, {@code SOCK_DGRAM}..., or the number. */
  public static String socketType(int type) {
    return type > 0 && type < TYPES.length ? TYPES[type] : Integer.toString(type);
  }

  /** {@code socket}'s protocol: {@code 0} (the type's default), {@code IPPROTO_TCP}..., or the number. */
  public static String protocol(int protocol) {
    return PROTOCOLS.getOrDefault(protocol, Integer.toString(protocol));
  }

  /** An option level: {@code SOL_SOCKET}, {@code IPPROTO_IP} (0), {@code IPPROTO_TCP}..., or the number. */
  public static String optionLevel(int level) {
    if (level == WinSock.SOL_SOCKET) {
      return "SOL_SOCKET";
    }
    return level == WinSock.IPPROTO_IP ? "IPPROTO_IP" : protocol(level);
  }

  /**
   * An option at its level: {@code SO_*} at SOL_SOCKET, {@code TCP_NODELAY} at IPPROTO_TCP,
   * {@code IP_OPTIONS} at IPPROTO_IP; otherwise the number.
   */
  public static String optionName(int level, int optname) {
    String name = null;
    if (level == WinSock.SOL_SOCKET) {
      name = SOCKET_OPTIONS.get(optname);
    } else if (level == WinSock.IPPROTO_TCP && optname == WinSock.TCP_NODELAY) {
      name = "TCP_NODELAY";
    } else if (level == WinSock.IPPROTO_IP && optname == WinSock.IP_OPTIONS) {
      name = "IP_OPTIONS";
    }
    return name != null ? name : Integer.toString(optname);
  }

  /** An ioctlsocket command: {@code FIONBIO}, {@code FIONREAD}, {@code SIOCATMARK}..., or {@code 0x8004667F}. */
  public static String ioctlCommand(int cmd) {
    String name = IOCTLS.get(cmd);
    return name != null ? name : String.format(Locale.ROOT, "0x%08X", cmd);
  }

  /**
   * A set of network events (WSAAsyncSelect's lEvent, WSAEventSelect's lNetworkEvents) or one of
   * them (the event a message or a record reports): {@code FD_READ|FD_CLOSE}, {@code 0} for none.
   */
  public static String networkEvents(int events) {
    return bits(events, EVENT_BITS, EVENT_NAMES);
  }

  /** send and recv flags: {@code MSG_OOB|MSG_PEEK}, {@code 0} for none. */
  public static String messageFlags(int flags) {
    return bits(flags, MESSAGE_FLAG_BITS, MESSAGE_FLAG_NAMES);
  }

  /** WSASocket's dwFlags: {@code WSA_FLAG_OVERLAPPED}, {@code 0} for none. */
  public static String socketFlags(int flags) {
    return bits(flags, SOCKET_FLAG_BITS, SOCKET_FLAG_NAMES);
  }

  /** shutdown's how, with winsock2.h's names: {@code SD_RECEIVE}, {@code SD_SEND}, {@code SD_BOTH}, or the number. */
  public static String shutdownHow(int how) {
    return switch (how) {
      case WinSock2.SD_RECEIVE -> "SD_RECEIVE";
      case WinSock2.SD_SEND -> "SD_SEND";
      case WinSock2.SD_BOTH -> "SD_BOTH";
      default -> Integer.toString(how);
    };
  }

  /** The names of the bits set in {@code value}, joined by "|"; a single known bit costs no allocation. */
  private static String bits(int value, int[] bits, String[] names) {
    if (value == 0) {
      return "0";
    }
    StringBuilder text = null;
    int rest = value;
    for (int i = 0; i < bits.length; i++) {
      if ((value & bits[i]) != 0) {
        if (value == bits[i]) {
          return names[i];
        }
        text = (text == null ? new StringBuilder() : text.append('|')).append(names[i]);
        rest &= ~bits[i];
      }
    }
    if (rest != 0) {
      String hex = String.format(Locale.ROOT, "0x%04X", rest);
      text = text == null ? new StringBuilder(hex) : text.append('|').append(hex);
    }
    return text.toString();
  }
}
