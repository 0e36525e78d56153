package org.wsemu.winsock;

/**
 * The constants and macros of {@code winsock.h} (Windows Sockets 1.1), with their C names and
 * values: error codes, address families, socket types, options, ioctl commands, select and
 * WSAAsyncSelect bits, byte-order and address conversions ({@code htons}, {@code inet_addr}...).
 * Import statically:
 * {@code import static org.wsemu.winsock.WinSock.*;}.
 *
 * <p>Byte order: wsemu emulates a little-endian (x86) host, as every Windows of the time ran on.
 * Structure fields hold what that host would hold in memory: {@code sin_port = htons(80)} is
 * 0x5000, and {@code inet_addr("127.0.0.1")} is 0x0100007F, exactly the numbers a Windows program
 * sees, so ported code that prints or compares them behaves the same.
 *
 * <p>Stateless; thread-safe; nothing here needs WSAStartup.
 */
public final class WinSock {
  private WinSock() {}

  // ---- return values ----
  /** The value of an invalid socket handle: {@code (SOCKET)(~0)}. */
  public static final int INVALID_SOCKET = ~0;
  /** The return value of a failed call. */
  public static final int SOCKET_ERROR = -1;

  // ---- error codes (WSAGetLastError) ----
  /** Base of the Windows Sockets error codes. */
  public static final int WSABASEERR = 10000;
  /** A blocking call was cancelled by WSACancelBlockingCall. */
  public static final int WSAEINTR = WSABASEERR + 4;
  /** Bad file number. */
  public static final int WSAEBADF = WSABASEERR + 9;
  /** Permission denied (e.g. broadcast without SO_BROADCAST). */
  public static final int WSAEACCES = WSABASEERR + 13;
  /** A pointer or length argument is not valid. */
  public static final int WSAEFAULT = WSABASEERR + 14;
  /** Invalid argument, or the socket is in the wrong state. */
  public static final int WSAEINVAL = WSABASEERR + 22;
  /** No more socket descriptors. */
  public static final int WSAEMFILE = WSABASEERR + 24;
  /** The operation would block on a non-blocking socket. */
  public static final int WSAEWOULDBLOCK = WSABASEERR + 35;
  /** A blocking Windows Sockets call is in progress in this task. */
  public static final int WSAEINPROGRESS = WSABASEERR + 36;
  /** The operation is already in progress (a second non-blocking connect). */
  public static final int WSAEALREADY = WSABASEERR + 37;
  /** The descriptor is not a socket. */
  public static final int WSAENOTSOCK = WSABASEERR + 38;
  /** A destination address is required. */
  public static final int WSAEDESTADDRREQ = WSABASEERR + 39;
  /** The datagram was too large for the buffer or the transport. */
  public static final int WSAEMSGSIZE = WSABASEERR + 40;
  /** Protocol wrong type for socket. */
  public static final int WSAEPROTOTYPE = WSABASEERR + 41;
  /** Bad protocol option. */
  public static final int WSAENOPROTOOPT = WSABASEERR + 42;
  /** Protocol not supported. */
  public static final int WSAEPROTONOSUPPORT = WSABASEERR + 43;
  /** Socket type not supported. */
  public static final int WSAESOCKTNOSUPPORT = WSABASEERR + 44;
  /** Operation not supported on this socket. */
  public static final int WSAEOPNOTSUPP = WSABASEERR + 45;
  /** Protocol family not supported. */
  public static final int WSAEPFNOSUPPORT = WSABASEERR + 46;
  /** Address family not supported. */
  public static final int WSAEAFNOSUPPORT = WSABASEERR + 47;
  /** Address already in use. */
  public static final int WSAEADDRINUSE = WSABASEERR + 48;
  /** Cannot assign the requested address. */
  public static final int WSAEADDRNOTAVAIL = WSABASEERR + 49;
  /** The network subsystem failed. */
  public static final int WSAENETDOWN = WSABASEERR + 50;
  /** The network cannot be reached. */
  public static final int WSAENETUNREACH = WSABASEERR + 51;
  /** The connection was broken while keep-alive was probing. */
  public static final int WSAENETRESET = WSABASEERR + 52;
  /** The connection was aborted locally (timeout, cancel of a blocking call that compromised it). */
  public static final int WSAECONNABORTED = WSABASEERR + 53;
  /** The connection was reset by the peer. */
  public static final int WSAECONNRESET = WSABASEERR + 54;
  /** No buffer space available. */
  public static final int WSAENOBUFS = WSABASEERR + 55;
  /** The socket is already connected. */
  public static final int WSAEISCONN = WSABASEERR + 56;
  /** The socket is not connected. */
  public static final int WSAENOTCONN = WSABASEERR + 57;
  /** The socket was shut down in that direction. */
  public static final int WSAESHUTDOWN = WSABASEERR + 58;
  /** Too many references. */
  public static final int WSAETOOMANYREFS = WSABASEERR + 59;
  /** The connection attempt timed out. */
  public static final int WSAETIMEDOUT = WSABASEERR + 60;
  /** The connection was refused. */
  public static final int WSAECONNREFUSED = WSABASEERR + 61;
  /** Too many levels of symbolic links. */
  public static final int WSAELOOP = WSABASEERR + 62;
  /** Name too long. */
  public static final int WSAENAMETOOLONG = WSABASEERR + 63;
  /** The host is down. */
  public static final int WSAEHOSTDOWN = WSABASEERR + 64;
  /** No route to host. */
  public static final int WSAEHOSTUNREACH = WSABASEERR + 65;
  /** Directory not empty. */
  public static final int WSAENOTEMPTY = WSABASEERR + 66;
  /** Too many processes (tasks) use Windows Sockets. */
  public static final int WSAEPROCLIM = WSABASEERR + 67;
  /** Too many users. */
  public static final int WSAEUSERS = WSABASEERR + 68;
  /** Disc quota exceeded. */
  public static final int WSAEDQUOT = WSABASEERR + 69;
  /** Stale handle. */
  public static final int WSAESTALE = WSABASEERR + 70;
  /** Too many levels of remote in path. */
  public static final int WSAEREMOTE = WSABASEERR + 71;
  /** The network subsystem is not ready. */
  public static final int WSASYSNOTREADY = WSABASEERR + 91;
  /** The requested Windows Sockets version is not supported. */
  public static final int WSAVERNOTSUPPORTED = WSABASEERR + 92;
  /** WSAStartup has not been called successfully (or WSACleanup ended it). */
  public static final int WSANOTINITIALISED = WSABASEERR + 93;
  /** Graceful shutdown in progress (Winsock 2). */
  public static final int WSAEDISCON = WSABASEERR + 101;
  /** No more results (Winsock 2). */
  public static final int WSAENOMORE = WSABASEERR + 102;
  /** Call was cancelled (Winsock 2). */
  public static final int WSAECANCELLED = WSABASEERR + 103;
  /** Procedure call table is invalid (Winsock 2). */
  public static final int WSAEINVALIDPROCTABLE = WSABASEERR + 104;
  /** Service provider is invalid (Winsock 2). */
  public static final int WSAEINVALIDPROVIDER = WSABASEERR + 105;
  /** Service provider failed to initialise (Winsock 2). */
  public static final int WSAEPROVIDERFAILEDINIT = WSABASEERR + 106;
  /** System call failure (Winsock 2). */
  public static final int WSASYSCALLFAILURE = WSABASEERR + 107;
  /** Service not found (Winsock 2). */
  public static final int WSASERVICE_NOT_FOUND = WSABASEERR + 108;
  /** Class type not found (Winsock 2). */
  public static final int WSATYPE_NOT_FOUND = WSABASEERR + 109;
  /** No more results (Winsock 2). */
  public static final int WSA_E_NO_MORE = WSABASEERR + 110;
  /** Call was cancelled (Winsock 2). */
  public static final int WSA_E_CANCELLED = WSABASEERR + 111;
  /** Database query was refused (Winsock 2). */
  public static final int WSAEREFUSED = WSABASEERR + 112;
  /** Authoritative answer: host not found. */
  public static final int WSAHOST_NOT_FOUND = WSABASEERR + 1001;
  /** Non-authoritative: host not found, or server failure; try again. */
  public static final int WSATRY_AGAIN = WSABASEERR + 1002;
  /** Non-recoverable error. */
  public static final int WSANO_RECOVERY = WSABASEERR + 1003;
  /** Valid name, no data record of the requested type. */
  public static final int WSANO_DATA = WSABASEERR + 1004;
  /** Same as {@link #WSANO_DATA}. */
  public static final int WSANO_ADDRESS = WSANO_DATA;
  /** {@code h_errno} name for {@link #WSAHOST_NOT_FOUND}. */
  public static final int HOST_NOT_FOUND = WSAHOST_NOT_FOUND;
  /** {@code h_errno} name for {@link #WSATRY_AGAIN}. */
  public static final int TRY_AGAIN = WSATRY_AGAIN;
  /** {@code h_errno} name for {@link #WSANO_RECOVERY}. */
  public static final int NO_RECOVERY = WSANO_RECOVERY;
  /** {@code h_errno} name for {@link #WSANO_DATA}. */
  public static final int NO_DATA = WSANO_DATA;
  /** {@code h_errno} name for {@link #WSANO_ADDRESS}. */
  public static final int NO_ADDRESS = WSANO_ADDRESS;

  // ---- select ----
  /** Default size of an {@link fd_set}. */
  public static final int FD_SETSIZE = 64;

  // ---- ioctlsocket ----
  /** Parameters must be smaller than 128 bytes. */
  public static final int IOCPARM_MASK = 0x7f;
  /** No parameters. */
  public static final int IOC_VOID = 0x20000000;
  /** Copy out parameters. */
  public static final int IOC_OUT = 0x40000000;
  /** Copy in parameters. */
  public static final int IOC_IN = 0x80000000;
  /** Copy in and out. */
  public static final int IOC_INOUT = IOC_IN | IOC_OUT;
  /** Get the number of bytes that can be read: {@code _IOR('f', 127, u_long)}. */
  public static final int FIONREAD = _IOR('f', 127);
  /** Set or clear non-blocking mode: {@code _IOW('f', 126, u_long)}. */
  public static final int FIONBIO = _IOW('f', 126);
  /** Set or clear asynchronous I/O (not supported by ioctlsocket): {@code _IOW('f', 125, u_long)}. */
  public static final int FIOASYNC = _IOW('f', 125);
  /** Set high watermark (not supported). */
  public static final int SIOCSHIWAT = _IOW('s', 0);
  /** Get high watermark (not supported). */
  public static final int SIOCGHIWAT = _IOR('s', 1);
  /** Set low watermark (not supported). */
  public static final int SIOCSLOWAT = _IOW('s', 2);
  /** Get low watermark (not supported). */
  public static final int SIOCGLOWAT = _IOR('s', 3);
  /** Whether no out-of-band data waits to be read: {@code _IOR('s', 7, u_long)}. */
  public static final int SIOCATMARK = _IOR('s', 7);

  /** {@code _IO(x, y)}. */
  public static int _IO(int x, int y) {
    return IOC_VOID | (x << 8) | y;
  }

  /** {@code _IOR(x, y, u_long)}: a command that copies a 4-byte parameter out. */
  public static int _IOR(int x, int y) {
    return IOC_OUT | ((4 & IOCPARM_MASK) << 16) | (x << 8) | y;
  }

  /** {@code _IOW(x, y, u_long)}: a command that copies a 4-byte parameter in. */
  public static int _IOW(int x, int y) {
    return IOC_IN | ((4 & IOCPARM_MASK) << 16) | (x << 8) | y;
  }

  // ---- protocols ----
  /** Dummy for IP. */
  public static final int IPPROTO_IP = 0;
  /** Control message protocol. */
  public static final int IPPROTO_ICMP = 1;
  /** Gateway^2 (deprecated); 2 in winsock.h. */
  public static final int IPPROTO_GGP = 2;
  /** TCP. */
  public static final int IPPROTO_TCP = 6;
  /** PUP. */
  public static final int IPPROTO_PUP = 12;
  /** UDP. */
  public static final int IPPROTO_UDP = 17;
  /** XNS IDP. */
  public static final int IPPROTO_IDP = 22;
  /** Unofficial net disk protocol. */
  public static final int IPPROTO_ND = 77;
  /** Raw IP packet. */
  public static final int IPPROTO_RAW = 255;
  /** One more than the largest protocol number. */
  public static final int IPPROTO_MAX = 256;

  // ---- well-known ports ----
  /** Echo. */
  public static final int IPPORT_ECHO = 7;
  /** Discard. */
  public static final int IPPORT_DISCARD = 9;
  /** Systat. */
  public static final int IPPORT_SYSTAT = 11;
  /** Daytime. */
  public static final int IPPORT_DAYTIME = 13;
  /** Netstat. */
  public static final int IPPORT_NETSTAT = 15;
  /** FTP. */
  public static final int IPPORT_FTP = 21;
  /** Telnet. */
  public static final int IPPORT_TELNET = 23;
  /** SMTP. */
  public static final int IPPORT_SMTP = 25;
  /** Time. */
  public static final int IPPORT_TIMESERVER = 37;
  /** Name server. */
  public static final int IPPORT_NAMESERVER = 42;
  /** Whois. */
  public static final int IPPORT_WHOIS = 43;
  /** MTP. */
  public static final int IPPORT_MTP = 57;
  /** TFTP. */
  public static final int IPPORT_TFTP = 69;
  /** RJE. */
  public static final int IPPORT_RJE = 77;
  /** Finger. */
  public static final int IPPORT_FINGER = 79;
  /** TTY link. */
  public static final int IPPORT_TTYLINK = 87;
  /** SUPDUP. */
  public static final int IPPORT_SUPDUP = 95;
  /** rexec. */
  public static final int IPPORT_EXECSERVER = 512;
  /** rlogin. */
  public static final int IPPORT_LOGINSERVER = 513;
  /** rsh. */
  public static final int IPPORT_CMDSERVER = 514;
  /** EFS. */
  public static final int IPPORT_EFSSERVER = 520;
  /** biff (UDP). */
  public static final int IPPORT_BIFFUDP = 512;
  /** who (UDP). */
  public static final int IPPORT_WHOSERVER = 513;
  /** route (UDP). */
  public static final int IPPORT_ROUTESERVER = 520;
  /** Ports below this are reserved. */
  public static final int IPPORT_RESERVED = 1024;

  // ---- addresses (host order, as in the header) ----
  /** Any local address. */
  public static final int INADDR_ANY = 0x00000000;
  /** 127.0.0.1 in host order; use {@code htonl(INADDR_LOOPBACK)} in a sockaddr_in. */
  public static final int INADDR_LOOPBACK = 0x7f000001;
  /** The broadcast address. */
  public static final int INADDR_BROADCAST = 0xffffffff;
  /** What inet_addr returns for a string it cannot parse. */
  public static final int INADDR_NONE = 0xffffffff;

  // ---- WSADATA ----
  /** Length of {@code WSADATA.szDescription}, without its terminator. */
  public static final int WSADESCRIPTION_LEN = 256;
  /** Length of {@code WSADATA.szSystemStatus}, without its terminator. */
  public static final int WSASYS_STATUS_LEN = 128;

  // ---- IP options ----
  /** IP per-packet options (not supported). */
  public static final int IP_OPTIONS = 1;

  // ---- socket types ----
  /** Stream socket (TCP). */
  public static final int SOCK_STREAM = 1;
  /** Datagram socket (UDP). */
  public static final int SOCK_DGRAM = 2;
  /** Raw socket (not supported). */
  public static final int SOCK_RAW = 3;
  /** Reliably-delivered message (not supported). */
  public static final int SOCK_RDM = 4;
  /** Sequenced packet stream (not supported). */
  public static final int SOCK_SEQPACKET = 5;

  // ---- socket options ----
  /** Record debugging information (stored, no effect). */
  public static final int SO_DEBUG = 0x0001;
  /** The socket is listening (read only). */
  public static final int SO_ACCEPTCONN = 0x0002;
  /** Allow the local address to be reused. */
  public static final int SO_REUSEADDR = 0x0004;
  /** Keep connections alive. */
  public static final int SO_KEEPALIVE = 0x0008;
  /** Do not route (stored, no effect). */
  public static final int SO_DONTROUTE = 0x0010;
  /** Allow sending broadcast datagrams. */
  public static final int SO_BROADCAST = 0x0020;
  /** Bypass hardware when possible (not supported). */
  public static final int SO_USELOOPBACK = 0x0040;
  /** Linger on close if data is present. */
  public static final int SO_LINGER = 0x0080;
  /** Receive out-of-band data in line. */
  public static final int SO_OOBINLINE = 0x0100;
  /** Do not linger: {@code (u_int)(~SO_LINGER)}. */
  public static final int SO_DONTLINGER = ~SO_LINGER;
  /** Send buffer size. */
  public static final int SO_SNDBUF = 0x1001;
  /** Receive buffer size. */
  public static final int SO_RCVBUF = 0x1002;
  /** Send low-water mark (not supported). */
  public static final int SO_SNDLOWAT = 0x1003;
  /** Receive low-water mark (not supported). */
  public static final int SO_RCVLOWAT = 0x1004;
  /** Send timeout (not supported in 1.1). */
  public static final int SO_SNDTIMEO = 0x1005;
  /** Receive timeout (not supported in 1.1). */
  public static final int SO_RCVTIMEO = 0x1006;
  /** Get the pending error and clear it (read only). */
  public static final int SO_ERROR = 0x1007;
  /** Get the socket type (read only). */
  public static final int SO_TYPE = 0x1008;
  /** Disable the Nagle algorithm (level IPPROTO_TCP). */
  public static final int TCP_NODELAY = 0x0001;
  /** Level of the socket options. */
  public static final int SOL_SOCKET = 0xffff;

  // ---- address and protocol families ----
  /** Unspecified. */
  public static final int AF_UNSPEC = 0;
  /** Local to host. */
  public static final int AF_UNIX = 1;
  /** Internetwork: UDP, TCP. The only family wsemu supports. */
  public static final int AF_INET = 2;
  /** ARPANET IMP. */
  public static final int AF_IMPLINK = 3;
  /** PUP. */
  public static final int AF_PUP = 4;
  /** MIT CHAOS. */
  public static final int AF_CHAOS = 5;
  /** Xerox NS. */
  public static final int AF_NS = 6;
  /** ISO. */
  public static final int AF_ISO = 7;
  /** OSI is ISO. */
  public static final int AF_OSI = AF_ISO;
  /** ECMA. */
  public static final int AF_ECMA = 8;
  /** Datakit. */
  public static final int AF_DATAKIT = 9;
  /** CCITT (X.25). */
  public static final int AF_CCITT = 10;
  /** IBM SNA. */
  public static final int AF_SNA = 11;
  /** DECnet. */
  public static final int AF_DECnet = 12;
  /** Direct data link interface. */
  public static final int AF_DLI = 13;
  /** LAT. */
  public static final int AF_LAT = 14;
  /** NSC Hyperchannel. */
  public static final int AF_HYLINK = 15;
  /** AppleTalk. */
  public static final int AF_APPLETALK = 16;
  /** NetBIOS. */
  public static final int AF_NETBIOS = 17;
  /** One more than the largest family. */
  public static final int AF_MAX = 18;
  /** Unspecified protocol family. */
  public static final int PF_UNSPEC = AF_UNSPEC;
  /** Internet protocol family. */
  public static final int PF_INET = AF_INET;

  // ---- listen, send and recv ----
  /** Largest listen backlog in Winsock 1.1. */
  public static final int SOMAXCONN = 5;
  /** Send or receive out-of-band data. */
  public static final int MSG_OOB = 0x1;
  /** Look at incoming data without removing it. */
  public static final int MSG_PEEK = 0x2;
  /** Send without routing (accepted, no effect). */
  public static final int MSG_DONTROUTE = 0x4;
  /** Maximum number of I/O vectors. */
  public static final int MSG_MAXIOVLEN = 16;
  /** Recommended buffer size for the asynchronous database functions. */
  public static final int MAXGETHOSTSTRUCT = 1024;

  // ---- WSAAsyncSelect events ----
  /** Data to read. */
  public static final int FD_READ = 0x01;
  /** Room to write. */
  public static final int FD_WRITE = 0x02;
  /** Out-of-band data to read. */
  public static final int FD_OOB = 0x04;
  /** A connection to accept. */
  public static final int FD_ACCEPT = 0x08;
  /** A connection attempt finished. */
  public static final int FD_CONNECT = 0x10;
  /** The connection closed. */
  public static final int FD_CLOSE = 0x20;

  // ---- fd_set macros ----

  /** {@code FD_ZERO(set)}: empties the set. */
  public static void FD_ZERO(fd_set set) {
    set.fd_count = 0;
  }

  /** {@code FD_SET(fd, set)}: adds {@code fd}, unless the set is full (as the header's macro). */
  public static void FD_SET(int fd, fd_set set) {
    if (set.fd_count < set.fd_array.length) {
      set.fd_array[set.fd_count++] = fd;
    }
  }

  /** {@code FD_CLR(fd, set)}: removes the first occurrence of {@code fd}, keeping the order. */
  public static void FD_CLR(int fd, fd_set set) {
    for (int i = 0; i < set.fd_count; i++) {
      if (set.fd_array[i] == fd) {
        System.arraycopy(set.fd_array, i + 1, set.fd_array, i, set.fd_count - i - 1);
        set.fd_count--;
        return;
      }
    }
  }

  /** {@code FD_ISSET(fd, set)}, that is {@code __WSAFDIsSet}: whether {@code fd} is in the set. */
  public static boolean FD_ISSET(int fd, fd_set set) {
    return __WSAFDIsSet(fd, set);
  }

  /** {@code __WSAFDIsSet(fd, set)}: non-zero (true) if {@code fd} is in the set. */
  public static boolean __WSAFDIsSet(int fd, fd_set set) {
    for (int i = 0; i < set.fd_count && i < set.fd_array.length; i++) {
      if (set.fd_array[i] == fd) {
        return true;
      }
    }
    return false;
  }

  // ---- byte order (an x86 host: little-endian) ----

  /** {@code htonl}: host to network order, 32 bits. */
  public static int htonl(int hostlong) {
    return Integer.reverseBytes(hostlong);
  }

  /** {@code htons}: host to network order, 16 bits. */
  public static int htons(int hostshort) {
    return Short.reverseBytes((short) hostshort) & 0xFFFF;
  }

  /** {@code ntohl}: network to host order, 32 bits. */
  public static int ntohl(int netlong) {
    return Integer.reverseBytes(netlong);
  }

  /** {@code ntohs}: network to host order, 16 bits. */
  public static int ntohs(int netshort) {
    return Short.reverseBytes((short) netshort) & 0xFFFF;
  }

  // ---- address conversions ----

  /**
   * {@code inet_addr}: parses a dotted address ("a.b.c.d", also "a.b.c", "a.b", "a" with the last
   * part filling the rest, and octal or hexadecimal parts, as Berkeley's inet_addr). The same as
   * {@link WinsockApi#inet_addr}, without its trace event, so that
   * {@code sin.sin_addr.s_addr = inet_addr("127.0.0.1");} reads as in C.
   *
   * @return the address in network order (see {@link in_addr}), or INADDR_NONE (also for null)
   */
  public static int inet_addr(String cp) {
    return Addresses.inetAddr(cp);
  }

  /**
   * {@code inet_ntoa}: the dotted form of an address, or null for a null argument. The same as
   * {@link WinsockApi#inet_ntoa}, without its trace event.
   */
  public static String inet_ntoa(in_addr in) {
    return in == null ? null : Addresses.inetNtoa(in);
  }

  // ---- WSAAsyncSelect and WSAAsyncGetXByY message packing ----

  /** {@code WSAMAKEASYNCREPLY(buflen, error)}. */
  public static int WSAMAKEASYNCREPLY(int buflen, int error) {
    return (buflen & 0xFFFF) | ((error & 0xFFFF) << 16);
  }

  /** {@code WSAMAKESELECTREPLY(event, error)}. */
  public static int WSAMAKESELECTREPLY(int event, int error) {
    return (event & 0xFFFF) | ((error & 0xFFFF) << 16);
  }

  /** {@code WSAGETASYNCBUFLEN(lParam)}. */
  public static int WSAGETASYNCBUFLEN(int lParam) {
    return lParam & 0xFFFF;
  }

  /** {@code WSAGETASYNCERROR(lParam)}. */
  public static int WSAGETASYNCERROR(int lParam) {
    return (lParam >>> 16) & 0xFFFF;
  }

  /** {@code WSAGETSELECTEVENT(lParam)}. */
  public static int WSAGETSELECTEVENT(int lParam) {
    return lParam & 0xFFFF;
  }

  /** {@code WSAGETSELECTERROR(lParam)}. */
  public static int WSAGETSELECTERROR(int lParam) {
    return (lParam >>> 16) & 0xFFFF;
  }
}
