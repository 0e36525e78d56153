package org.wsemu.winsock;

/**
 * The functions of Windows Sockets 1.1 (WINSOCK.DLL), and the overlapped-I/O and event-object
 * functions of Windows Sockets 2 (WS2_32.DLL, with KERNEL32's {@code SleepEx} and {@code CancelIo}),
 * with their C names, argument order and return conventions, for the tasks of one emulator. Obtain it with {@code Emulator.winsock()};
 * each call acts for the task whose thread makes it.
 *
 * <h2>Porting rule</h2>
 * A C call becomes a call on this object with the same arguments in the same order. A socket
 * ({@code SOCKET}) is an {@code int}; {@code INVALID_SOCKET} and {@code SOCKET_ERROR} are the
 * failure values, and {@link #WSAGetLastError()} says why. A {@code struct sockaddr *} is a
 * {@link sockaddr_in} with its length ({@code sizeof(sin)} is {@link sockaddr_in#SIZE}); an
 * {@code int *} or {@code u_long *} out-parameter is an {@link IntRef}; a buffer is a
 * {@code byte[]} with a length (and an offset variant). See the README for a ported routine.
 *
 * <h2>Errors</h2>
 * No Java exception escapes a call, whatever the arguments: {@code null} or short structures and
 * lengths give WSAEFAULT, unknown or closed sockets WSAENOTSOCK, wrong states WSAEINVAL,
 * WSAENOTCONN, WSAEISCONN and so on; on a stream a cancel aborted, every call but closesocket
 * fails with WSAECONNABORTED. Before WSAStartup, and after the last WSACleanup, calls fail
 * with WSANOTINITIALISED. The conversion functions ({@code htonl}..., {@code inet_addr},
 * {@code inet_ntoa}) never fail and need no WSAStartup. The only exceptions are for Java
 * programming errors ({@link org.wsemu.task.TaskThreadException}) and for a defect of the emulator
 * itself or of a custom network implementation: such a defect is never disguised as a Winsock
 * error; it propagates like any bug, and ends the task with it as its failure.
 *
 * <h2>Pseudo-blocking</h2>
 * On a blocking socket a call that cannot complete at once waits in a loop that calls the task's
 * blocking hook (in Win16 mode by default one that dispatches the task's messages, so window
 * procedures run while the call waits) and otherwise parks without spinning until a message,
 * readiness, a cancel or a deadline. While a task (that negotiated version 1.x) has such a call
 * outstanding, every other call of that task fails with WSAEINPROGRESS, except
 * {@link #WSAIsBlocking()} and {@link #WSACancelBlockingCall()}, which ends the call with WSAEINTR.
 *
 * <h2>Threads and ownership</h2>
 * Every function except the conversions is task-only ({@link org.wsemu.task.TaskThreadException}
 * otherwise). Last error, blocking hook and blocking state belong to the task. In Win16 mode each
 * task is an application with its own WSAStartup count and its own sockets (another task's socket
 * is WSAENOTSOCK); in Win32 mode the emulator is one process whose tasks share them.
 */
public interface WinsockApi {

  // ---- initialisation and errors ----

  /**
   * Starts the use of Windows Sockets by the calling application. The emulator supports versions
   * 1.0, 1.1, 2.0, 2.1 and 2.2; the caller gets the highest one not above {@code wVersionRequired}.
   *
   * @param wVersionRequired {@code MAKEWORD(major, minor)}
   * @return 0, or the error itself (WSAVERNOTSUPPORTED below 1.0, WSAEFAULT for a null
   *     {@code lpWSAData}, WSAEINPROGRESS during a blocking call); WSAGetLastError is not used
   */
  int WSAStartup(int wVersionRequired, WSADATA lpWSAData);

  /**
   * Ends one WSAStartup. The last one resets the application's connected stream sockets and closes
   * all its sockets; their handles are then invalid.
   *
   * @return 0, or SOCKET_ERROR (WSANOTINITIALISED, WSAEINPROGRESS)
   */
  int WSACleanup();

  /** The calling task's last error. Never fails. */
  int WSAGetLastError();

  /** Sets the calling task's last error. */
  void WSASetLastError(int iError);

  // ---- pseudo-blocking control ----

  /**
   * Installs a blocking hook for the calling task.
   *
   * @return the previous hook (the first time, the emulator's default hook object, never null);
   *     {@code null} on failure: WSAEFAULT for a null hook, WSAEINPROGRESS during a blocking call,
   *     WSAEOPNOTSUPP after negotiating version 2 or later, WSANOTINITIALISED
   */
  BlockingHook WSASetBlockingHook(BlockingHook lpBlockFunc);

  /**
   * Restores the default blocking behaviour (not the previous hook): in Win16 mode the message
   * dispatching default hook, in Win32 mode no hook at all.
   *
   * @return 0, or SOCKET_ERROR (WSANOTINITIALISED, WSAEINPROGRESS, WSAEOPNOTSUPP)
   */
  int WSAUnhookBlockingHook();

  /** Whether the calling task has a blocking call outstanding. Callable at any time; never fails. */
  boolean WSAIsBlocking();

  /**
   * Cancels the calling task's outstanding blocking call, which then fails with WSAEINTR unless it
   * completed first. Callable at any time (from the hook, or a window procedure dispatched by it).
   *
   * @return 0, or SOCKET_ERROR (WSAEINVAL when nothing blocks, WSAEOPNOTSUPP after version 2)
   */
  int WSACancelBlockingCall();

  // ---- sockets ----

  /**
   * Creates a socket: {@code AF_INET} with {@code SOCK_STREAM} (TCP) or {@code SOCK_DGRAM} (UDP).
   *
   * @return the socket, or INVALID_SOCKET (WSAEAFNOSUPPORT, WSAESOCKTNOSUPPORT,
   *     WSAEPROTONOSUPPORT, WSAEPROTOTYPE, WSAEMFILE, WSAENETDOWN...)
   */
  int socket(int af, int type, int protocol);

  /** Binds a local address (port 0 picks one). @return 0 or SOCKET_ERROR */
  int bind(int s, sockaddr_in name, int namelen);

  /** Listens for connections; the backlog is clamped to 1..SOMAXCONN. @return 0 or SOCKET_ERROR */
  int listen(int s, int backlog);

  /**
   * Accepts a connection (a blocking routine). {@code addr} may be null; otherwise
   * {@code addrlen} must be at least 16 and receives the length written.
   *
   * @return the new socket, or INVALID_SOCKET
   */
  int accept(int s, sockaddr_in addr, IntRef addrlen);

  /** Connects (a blocking routine on a blocking socket; else WSAEWOULDBLOCK). @return 0 or SOCKET_ERROR */
  int connect(int s, sockaddr_in name, int namelen);

  /** Sends (a blocking routine). @return the bytes sent, or SOCKET_ERROR */
  int send(int s, byte[] buf, int len, int flags);

  /** {@link #send(int, byte[], int, int)} from {@code buf[offset]}. */
  int send(int s, byte[] buf, int offset, int len, int flags);

  /** Sends a datagram to {@code to} (a blocking routine). @return the bytes sent, or SOCKET_ERROR */
  int sendto(int s, byte[] buf, int len, int flags, sockaddr_in to, int tolen);

  /** {@link #sendto(int, byte[], int, int, sockaddr_in, int)} from {@code buf[offset]}. */
  int sendto(int s, byte[] buf, int offset, int len, int flags, sockaddr_in to, int tolen);

  /**
   * Receives (a blocking routine); {@code MSG_PEEK} leaves the data queued.
   *
   * @return the bytes received, 0 when the peer closed gracefully, or SOCKET_ERROR
   */
  int recv(int s, byte[] buf, int len, int flags);

  /** {@link #recv(int, byte[], int, int)} into {@code buf[offset]}. */
  int recv(int s, byte[] buf, int offset, int len, int flags);

  /**
   * Receives a datagram and its sender (a blocking routine). {@code from} may be null; otherwise
   * {@code fromlen} must be at least 16. A datagram longer than {@code len} is truncated: the call
   * fails with WSAEMSGSIZE after filling the buffer.
   *
   * @return the bytes received, or SOCKET_ERROR
   */
  int recvfrom(int s, byte[] buf, int len, int flags, sockaddr_in from, IntRef fromlen);

  /** {@link #recvfrom(int, byte[], int, int, sockaddr_in, IntRef)} into {@code buf[offset]}. */
  int recvfrom(int s, byte[] buf, int offset, int len, int flags, sockaddr_in from, IntRef fromlen);

  /**
   * Waits until sockets are readable, writable or in error (a blocking routine). {@code nfds} is
   * ignored; a null set is empty; the sets keep only the ready sockets. A null {@code timeout}
   * waits indefinitely; {@code {0, 0}} polls without calling the hook or yielding.
   *
   * @return how many sockets are ready (0 on timeout), or SOCKET_ERROR
   */
  int select(int nfds, fd_set readfds, fd_set writefds, fd_set exceptfds, timeval timeout);

  /**
   * Closes a socket. With SO_LINGER on and a non-zero time it is a blocking routine that waits for
   * the graceful close; with time 0 it resets the connection.
   *
   * @return 0 or SOCKET_ERROR
   */
  int closesocket(int s);

  /** Disables receiving (0), sending (1) or both (2); never blocks. @return 0 or SOCKET_ERROR */
  int shutdown(int s, int how);

  /**
   * Reads an option into {@code optval}: an int option is {@code sizeof(int)} bytes, little-endian
   * (2 in Win16 mode, 4 in Win32 mode); SO_LINGER is a 4-byte {@code linger}. A value a Win16
   * {@code int} cannot hold (a 65,536-byte buffer) reads as 32767, never as its low 16 bits.
   *
   * @return 0 or SOCKET_ERROR (WSAEFAULT when {@code optlen} is too small, WSAENOPROTOOPT...)
   */
  int getsockopt(int s, int level, int optname, byte[] optval, IntRef optlen);

  /** {@link #getsockopt(int, int, int, byte[], IntRef)} for an int option: C's {@code (char*)&value}. */
  int getsockopt(int s, int level, int optname, IntRef optval, IntRef optlen);

  /** {@link #getsockopt(int, int, int, byte[], IntRef)} for SO_LINGER: C's {@code (char*)&lg}. */
  int getsockopt(int s, int level, int optname, linger optval, IntRef optlen);

  /** Sets an option from {@code optval} (layout as in getsockopt). @return 0 or SOCKET_ERROR */
  int setsockopt(int s, int level, int optname, byte[] optval, int optlen);

  /**
   * {@link #setsockopt(int, int, int, byte[], int)} for an int option; in Win16 mode a value outside
   * -32768..32767 is taken as the nearer end, never cut to its low 16 bits.
   */
  int setsockopt(int s, int level, int optname, IntRef optval, int optlen);

  /** {@link #setsockopt(int, int, int, byte[], int)} for SO_LINGER. */
  int setsockopt(int s, int level, int optname, linger optval, int optlen);

  /** The peer's address. @return 0 or SOCKET_ERROR (WSAENOTCONN...) */
  int getpeername(int s, sockaddr_in name, IntRef namelen);

  /** The local address. @return 0 or SOCKET_ERROR (WSAEINVAL when not bound...) */
  int getsockname(int s, sockaddr_in name, IntRef namelen);

  /**
   * FIONBIO ({@code *argp} non-zero: non-blocking), FIONREAD (bytes readable), SIOCATMARK.
   *
   * @return 0 or SOCKET_ERROR
   */
  int ioctlsocket(int s, int cmd, IntRef argp);

  // ---- database (blocking routines, from the emulator's embedded tables) ----

  /**
   * The host of that name or alias (never a dotted address string).
   *
   * @return the task's hostent, overwritten by its next host lookup; null on failure
   */
  hostent gethostbyname(String name);

  /**
   * The host with that address ({@code len} 4, {@code type} AF_INET, network order).
   *
   * @return the task's hostent, or null
   */
  hostent gethostbyaddr(byte[] addr, int len, int type);

  /** The service of that name for {@code proto} ("tcp", "udp" or null for any). @return the task's servent, or null */
  servent getservbyname(String name, String proto);

  /** The service on that port (network order). @return the task's servent, or null */
  servent getservbyport(int port, String proto);

  /** The protocol of that name. @return the task's protoent, or null */
  protoent getprotobyname(String name);

  /** The protocol of that number. @return the task's protoent, or null */
  protoent getprotobynumber(int number);

  /**
   * Copies the local host's name, NUL-terminated, into {@code name}.
   *
   * @return 0 or SOCKET_ERROR (WSAEFAULT when {@code namelen} is too small)
   */
  int gethostname(byte[] name, int namelen);

  // ---- conversions (any thread, no WSAStartup needed) ----

  /** {@code htonl}. */
  int htonl(int hostlong);

  /** {@code htons}. */
  int htons(int hostshort);

  /** {@code ntohl}. */
  int ntohl(int netlong);

  /** {@code ntohs}. */
  int ntohs(int netshort);

  /**
   * Parses a dotted address ("a.b.c.d", also "a.b.c", "a.b", "a" with the last part filling the
   * rest, and octal or hexadecimal parts, as Berkeley's inet_addr). Any thread; traced (with the
   * task, or "-" on another thread). {@link WinSock#inet_addr} is the same, static and untraced.
   *
   * @return the address in network order (see {@link in_addr}), or INADDR_NONE
   */
  int inet_addr(String cp);

  /**
   * The dotted form of an address, or null for a null argument. Any thread; traced.
   * {@link WinSock#inet_ntoa} is the same, static and untraced.
   */
  String inet_ntoa(in_addr in);

  /** {@code __WSAFDIsSet}: whether {@code fd} is in {@code set}. */
  boolean __WSAFDIsSet(int fd, fd_set set);

  // ---- asynchronous extensions ----

  /**
   * Asks for {@code wMsg} messages to {@code hWnd} when the events of {@code lEvent} (FD_READ,
   * FD_WRITE, FD_OOB, FD_ACCEPT, FD_CONNECT, FD_CLOSE) happen on {@code s}: wParam the socket,
   * lParam WSAMAKESELECTREPLY(event, error). Replaces the socket's previous registration; lEvent 0
   * cancels it (messages already queued may still arrive). Makes the socket non-blocking, and
   * ioctlsocket(FIONBIO, 0) fails with WSAEINVAL until the registration is cleared. The rules of
   * when each event is posted are those of the 1.1 specification as Windows applies them (FD_CONNECT
   * once per connection attempt, FD_CLOSE as soon as the peer's close arrives); see
   * {@code docs/behaviour.md}.
   *
   * @return 0, or SOCKET_ERROR (WSAENOTSOCK, WSAEINVAL for unknown event bits or, with events, a
   *     window that does not exist, WSANOTINITIALISED, WSAEINPROGRESS)
   */
  int WSAAsyncSelect(int s, int hWnd, int wMsg, int lEvent);

  /**
   * Starts looking up a host by name; the reply is {@code wMsg} to {@code hWnd}, wParam the
   * returned handle, lParam WSAMAKEASYNCREPLY(buflen, error), and the result is packed into
   * {@code buf} (read it with {@link AsyncBuffer#hostent}). A buffer smaller than the result gives
   * WSAENOBUFS with the size needed as buflen, and nothing written. The reply is never dispatched
   * during this call.
   *
   * @param buflen how much of {@code buf} may be used (MAXGETHOSTSTRUCT is enough for a host)
   * @return the request's handle (non-zero, 16 bits), or 0 and the error (WSANOTINITIALISED,
   *     WSAEINPROGRESS, WSAEWOULDBLOCK when all 0xFFFF request handles are taken or the
   *     application has as many requests outstanding as the {@code maxAsyncRequests} option allows
   *     (by default no such limit), WSAEFAULT for a
   *     missing buffer or a buflen outside it)
   */
  int WSAAsyncGetHostByName(int hWnd, int wMsg, String name, byte[] buf, int buflen);

  /** As {@link #WSAAsyncGetHostByName}, by address ({@code len} bytes of {@code addr}, type AF_INET). */
  int WSAAsyncGetHostByAddr(int hWnd, int wMsg, byte[] addr, int len, int type, byte[] buf, int buflen);

  /** As {@link #WSAAsyncGetHostByName}, for a service by name (read it with {@link AsyncBuffer#servent}). */
  int WSAAsyncGetServByName(int hWnd, int wMsg, String name, String proto, byte[] buf, int buflen);

  /** As {@link #WSAAsyncGetServByName}, by port ({@code port} in network order, as getservbyport takes it). */
  int WSAAsyncGetServByPort(int hWnd, int wMsg, int port, String proto, byte[] buf, int buflen);

  /** As {@link #WSAAsyncGetHostByName}, for a protocol by name (read it with {@link AsyncBuffer#protoent}). */
  int WSAAsyncGetProtoByName(int hWnd, int wMsg, String name, byte[] buf, int buflen);

  /** As {@link #WSAAsyncGetProtoByName}, by number. */
  int WSAAsyncGetProtoByNumber(int hWnd, int wMsg, int number, byte[] buf, int buflen);

  /**
   * Cancels an outstanding WSAAsyncGetXByY request of the calling application: no reply is then
   * ever posted and the buffer is never written, even if the lookup was running.
   *
   * @return 0, or SOCKET_ERROR (WSAEINVAL for 0 or a handle never issued, WSAEALREADY for a
   *     request that completed, whether its reply is still queued or was handled,
   *     WSANOTINITIALISED, WSAEINPROGRESS)
   */
  int WSACancelAsyncRequest(int hAsyncTaskHandle);

  // ---- Winsock 2: overlapped I/O and event objects (WS2_32.DLL; SleepEx and CancelIo: KERNEL32) ----

  /**
   * {@code socket} with Winsock 2's arguments: {@code af}, {@code type} and {@code protocol} may be
   * {@link WinSock2#FROM_PROTOCOL_INFO} to take them from {@code lpProtocolInfo}; {@code g} must be
   * 0 (no socket groups); {@code dwFlags} {@link WinSock2#WSA_FLAG_OVERLAPPED} gives the socket the
   * overlapped attribute (a socket from {@link #socket} has it too).
   *
   * @return the socket, or INVALID_SOCKET with the errors of {@link #socket} (WSAEINVAL for a
   *     non-zero {@code g} or a multipoint flag; WSAEFAULT for a null {@code lpProtocolInfo} that
   *     is needed); other flag bits are ignored
   */
  int WSASocket(int af, int type, int protocol, WSAPROTOCOL_INFO lpProtocolInfo, int g, int dwFlags);

  /**
   * Sends the bytes of {@code dwBufferCount} buffers, in order. With {@code lpOverlapped} (and an
   * optional completion routine) on a socket with the overlapped attribute the call is overlapped:
   * it never blocks, whatever FIONBIO says. 0: completed at once, and the completion indication
   * has already happened (event signalled, or routine queued for the task's next alertable wait);
   * SOCKET_ERROR with {@link WinSock2#WSA_IO_PENDING}: started, completion indicated later, and
   * {@code lpNumberOfBytesSent} not written; any other error: not started, and no indication ever
   * (except an error after bytes moved, such as a reset part way through: indicated, the count
   * written). The send completes once the network accepted all its bytes; pending sends go out in
   * the order posted. Without an overlapped structure (a completion routine is then ignored, as
   * Windows does), or on a socket without the overlapped attribute, it is a send with send's
   * blocking rules, and the overlapped structure is not touched.
   *
   * @return 0 or SOCKET_ERROR (WSA_IO_PENDING, WSAEINVAL for a null or empty buffer array or a
   *     structure still in use, WSAEFAULT for a buffer shorter than its length,
   *     WSA_INVALID_HANDLE for an hEvent not open,
   *     WSAEOPNOTSUPP for MSG_OOB overlapped, and the errors of {@link #send})
   */
  int WSASend(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);

  /** As {@link #WSASend}, to {@code lpTo} (datagram sockets; ignored on a connected stream, as sendto). */
  int WSASendTo(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesSent, int dwFlags,
      sockaddr_in lpTo, int iTolen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);

  /**
   * Receives into {@code dwBufferCount} buffers, filled in order. Overlapped as {@link #WSASend}
   * says. On a stream an overlapped receive completes as soon as the data already buffered is
   * exhausted, whether or not its buffers are full; pending receives are filled in the order they
   * were posted. 0 bytes with success is the peer's graceful close. {@code lpFlags} is in and out
   * (MSG_PEEK in, also on an overlapped receive, which then copies what is there and leaves it, as
   * Windows does; MSG_OOB in, non-overlapped only; MSG_PARTIAL out).
   *
   * @return 0 or SOCKET_ERROR (WSA_IO_PENDING and the errors of {@link #WSASend} and {@link #recv})
   */
  int WSARecv(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      WSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);

  /** As {@link #WSARecv}, also giving the sender's address, as {@link #recvfrom}. */
  int WSARecvFrom(int s, WSABUF[] lpBuffers, int dwBufferCount, IntRef lpNumberOfBytesRecvd, IntRef lpFlags,
      sockaddr_in lpFrom, IntRef lpFromlen, WSAOVERLAPPED lpOverlapped,
      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);

  /**
   * The result of an overlapped operation on {@code s}. {@code fWait} TRUE waits, without spinning,
   * for the operation's completion (Windows allows it only for operations without a completion
   * routine; here it waits for either, and a routine still runs only in an alertable wait).
   *
   * @return TRUE: completed successfully, {@code lpcbTransfer} and {@code lpdwFlags} written;
   *     FALSE: still pending ({@link WinSock2#WSA_IO_INCOMPLETE}), completed with an error (that
   *     error, with {@code lpcbTransfer} written), or bad arguments (WSAENOTSOCK,
   *     WSA_INVALID_PARAMETER for a structure never started on {@code s}, WSAEFAULT for a null
   *     structure or out-parameter)
   */
  boolean WSAGetOverlappedResult(int s, WSAOVERLAPPED lpOverlapped, IntRef lpcbTransfer, boolean fWait,
      IntRef lpdwFlags);

  /**
   * Creates an event object: manual-reset, not signalled. Event objects belong to the emulator (the
   * process), not to a task: any task may set or wait for any of them.
   *
   * @return the event's handle, or {@link WinSock2#WSA_INVALID_EVENT} and the error
   *     (WSANOTINITIALISED, WSAEINPROGRESS, WSA_NOT_ENOUGH_MEMORY when no handle is left)
   */
  int WSACreateEvent();

  /**
   * Signals an event (it stays signalled until reset), from any task.
   *
   * @return TRUE, or FALSE (WSA_INVALID_HANDLE for a handle not open, WSANOTINITIALISED,
   *     WSAEINPROGRESS)
   */
  boolean WSASetEvent(int hEvent);

  /**
   * Makes an event not signalled.
   *
   * @return TRUE, or FALSE (WSA_INVALID_HANDLE, WSANOTINITIALISED, WSAEINPROGRESS)
   */
  boolean WSAResetEvent(int hEvent);

  /**
   * Closes an event; its handle is invalid from then on. A wait of another task for it ends with
   * WSA_WAIT_FAILED and WSA_INVALID_HANDLE, unless the event was signalled.
   *
   * @return TRUE, or FALSE (WSA_INVALID_HANDLE, WSANOTINITIALISED, WSAEINPROGRESS)
   */
  boolean WSACloseEvent(int hEvent);

  /**
   * Waits until one of the events ({@code fWaitAll} FALSE) or all of them ({@code fWaitAll} TRUE) is
   * signalled, or the timeout passes ({@code dwTimeout} ms, 0 to poll, {@link WinSock2#WSA_INFINITE}
   * to wait for ever). With {@code fAlertable} TRUE the task's queued completion routines run, and
   * the wait returns {@link WinSock2#WSA_WAIT_IO_COMPLETION} after running them; an event already
   * signalled wins, and the routines then wait for the next alertable wait. Waiting does not reset
   * the events. The wait dispatches no message; in Win16 mode it lets the other tasks run (a poll
   * that finds nothing yields).
   *
   * @return {@code WSA_WAIT_EVENT_0 + i} (the smallest signalled index; 0 when all were waited
   *     for), WSA_WAIT_IO_COMPLETION, WSA_WAIT_TIMEOUT, or WSA_WAIT_FAILED (WSA_INVALID_PARAMETER
   *     for 0 or more than WSA_MAXIMUM_WAIT_EVENTS events or a handle repeated in a wait for all,
   *     WSAEFAULT for a null or short array, WSA_INVALID_HANDLE for a handle not open or closed
   *     during the wait, WSAEINTR at emulator shutdown, WSANOTINITIALISED, WSAEINPROGRESS)
   */
  int WSAWaitForMultipleEvents(int cEvents, int[] lphEvents, boolean fWaitAll, int dwTimeout, boolean fAlertable);

  /**
   * KERNEL32's {@code SleepEx}: waits {@code dwMilliseconds} ({@link WinSock2#INFINITE} for ever);
   * with {@code bAlertable} TRUE, runs the task's queued completion routines and returns early once
   * some ran. 0 gives up the processor (in Win16 mode the other ready tasks run). Needs no
   * WSAStartup and never fails.
   *
   * @return 0 when the time passed, {@link WinSock2#WAIT_IO_COMPLETION} when routines ran
   */
  int SleepEx(int dwMilliseconds, boolean bAlertable);

  /**
   * KERNEL32's {@code CancelIo}: cancels the overlapped operations the calling task started on
   * {@code s} and that are still pending; each completes with {@link WinSock2#WSA_OPERATION_ABORTED}
   * and its completion is indicated as usual.
   *
   * <p>The socket's further use is undefined on Windows; here a socket on which CancelIo cancelled
   * something is compromised: a stream is reset, and every later call but closesocket fails with
   * WSAECONNABORTED. closesocket is the better way to end pending operations.
   *
   * @return TRUE, or FALSE (WSA_INVALID_HANDLE for a handle that is not an open socket,
   *     WSANOTINITIALISED)
   */
  boolean CancelIo(int s);

  /**
   * Records the network events of {@code lNetworkEvents} ({@code FD_*}) that happen on {@code s} in
   * the socket's record and signals {@code hEventObject} when one is recorded. The rules are
   * WSAAsyncSelect's (an event is recorded once until its re-enabling function: recv for FD_READ
   * and FD_OOB, accept for FD_ACCEPT, a send that failed with WSAEWOULDBLOCK for FD_WRITE), with
   * two differences: what was recorded is not recorded again by selecting again (even after
   * selecting 0), and FD_CONNECT is recorded for a connection attempt that finished before the
   * call. The call clears the record (what it held is recorded again if it still holds), does not
   * reset the event, replaces a WSAAsyncSelect registration (and is replaced by one), and makes the
   * socket non-blocking, whatever {@code lNetworkEvents} is; {@code lNetworkEvents} 0 cancels the
   * association (the event handle is then not looked at). A socket accept() makes inherits the
   * registration, with a record of its own.
   *
   * <pre>{@code
   * import static org.wsemu.winsock.WinSock2.*;
   *
   * int hEvent = ws.WSACreateEvent();
   * ws.WSAEventSelect(s, hEvent, FD_READ | FD_CLOSE);
   * if (ws.WSAWaitForMultipleEvents(1, new int[] {hEvent}, false, 5000, false) == WSA_WAIT_EVENT_0) {
   *   WSANETWORKEVENTS events = new WSANETWORKEVENTS();
   *   ws.WSAEnumNetworkEvents(s, hEvent, events); // resets hEvent
   *   if ((events.lNetworkEvents & FD_CLOSE) != 0 && events.iErrorCode[FD_CLOSE_BIT] != 0) {
   *     // the connection was reset
   *   }
   * }
   * }</pre>
   *
   * @return 0, or SOCKET_ERROR (WSANOTINITIALISED, WSAEINPROGRESS, WSAENOTSOCK, WSAEINVAL for a bit
   *     outside {@link WinSock2#FD_ALL_EVENTS}, WSA_INVALID_HANDLE for an event not open when
   *     {@code lNetworkEvents} is not 0); a failing call changes nothing
   */
  int WSAEventSelect(int s, int hEventObject, int lNetworkEvents);

  /**
   * Reports and clears the network events recorded for {@code s} since the last call (or the last
   * WSAEventSelect), with their error codes ({@code iErrorCode[FD_*_BIT]}; 0 for events not
   * reported); resets {@code hEventObject} when it is not {@link WinSock2#WSA_INVALID_EVENT}, in the
   * same step, so that an event recorded afterwards signals it again.
   *
   * @return 0, or SOCKET_ERROR (WSAENOTSOCK, WSAEFAULT for a null structure, WSA_INVALID_HANDLE for
   *     an event not open, WSANOTINITIALISED, WSAEINPROGRESS)
   */
  int WSAEnumNetworkEvents(int s, int hEventObject, WSANETWORKEVENTS lpNetworkEvents);
}
