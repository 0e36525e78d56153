package org.wsemu.winsock;

/**
 * The constants of {@code winsock2.h} (Windows Sockets 2) that {@code winsock.h} does not have,
 * with their C names and values: the overlapped-I/O and event-object codes, the wait results, the
 * {@code FD_*_BIT} indexes of {@link WSANETWORKEVENTS}, and the flags of {@code WSASocket} and the
 * {@code WSASend}/{@code WSARecv} family. Import statically next to {@link WinSock}:
 * {@code import static org.wsemu.winsock.WinSock2.*;}.
 *
 * <p>Stateless; thread-safe.
 */
public final class WinSock2 {
  private WinSock2() {}

  // ---- WSASocket ----
  /** {@code dwFlags} of WSASocket: the socket can do overlapped I/O. */
  public static final int WSA_FLAG_OVERLAPPED = 0x01;
  /** {@code af}, {@code type} or {@code protocol} of WSASocket: take it from the WSAPROTOCOL_INFO. */
  public static final int FROM_PROTOCOL_INFO = -1;

  // ---- error codes of overlapped I/O and event objects (Win32 error numbers) ----
  /** The handle (an event object) is not valid: {@code ERROR_INVALID_HANDLE}. */
  public static final int WSA_INVALID_HANDLE = 6;
  /** Not enough memory: {@code ERROR_NOT_ENOUGH_MEMORY}. */
  public static final int WSA_NOT_ENOUGH_MEMORY = 8;
  /** A parameter is not valid: {@code ERROR_INVALID_PARAMETER}. */
  public static final int WSA_INVALID_PARAMETER = 87;
  /** The overlapped operation was aborted (closesocket, CancelIo): {@code ERROR_OPERATION_ABORTED}. */
  public static final int WSA_OPERATION_ABORTED = 995;
  /** The overlapped operation has not completed yet: {@code ERROR_IO_INCOMPLETE}. */
  public static final int WSA_IO_INCOMPLETE = 996;
  /** The overlapped operation was started and will complete later: {@code ERROR_IO_PENDING}. */
  public static final int WSA_IO_PENDING = 997;

  /** {@code WSAOVERLAPPED.Internal} while the operation is pending: {@code STATUS_PENDING}. */
  public static final int STATUS_PENDING = 0x103;

  // ---- event objects and waits ----
  /** The invalid event handle: {@code ((WSAEVENT)NULL)}. */
  public static final int WSA_INVALID_EVENT = 0;
  /** The most events one WSAWaitForMultipleEvents waits for: {@code MAXIMUM_WAIT_OBJECTS}. */
  public static final int WSA_MAXIMUM_WAIT_EVENTS = 64;
  /** Result of a wait: event {@code i} is signalled, {@code WSA_WAIT_EVENT_0 + i}. */
  public static final int WSA_WAIT_EVENT_0 = 0;
  /** Result of an alertable wait: completion routines ran; {@code WAIT_IO_COMPLETION}. */
  public static final int WSA_WAIT_IO_COMPLETION = 0xC0;
  /** Result of a wait: the timeout passed; {@code WAIT_TIMEOUT}. */
  public static final int WSA_WAIT_TIMEOUT = 258;
  /** Result of a failed wait, {@code ((DWORD)-1)}; WSAGetLastError says why. */
  public static final int WSA_WAIT_FAILED = 0xFFFFFFFF;
  /** {@code dwTimeout} of a wait that never times out: {@code INFINITE}. */
  public static final int WSA_INFINITE = 0xFFFFFFFF;
  /** SleepEx's result when completion routines ran: {@code WAIT_IO_COMPLETION}. */
  public static final int WAIT_IO_COMPLETION = 0xC0;
  /** SleepEx's {@code dwMilliseconds} that never ends: {@code INFINITE}. */
  public static final int INFINITE = 0xFFFFFFFF;

  // ---- network events (WSAEventSelect, WSAEnumNetworkEvents) ----
  /** Index of FD_READ's error code in {@link WSANETWORKEVENTS#iErrorCode}. */
  public static final int FD_READ_BIT = 0;
  /** Index of FD_WRITE's error code. */
  public static final int FD_WRITE_BIT = 1;
  /** Index of FD_OOB's error code. */
  public static final int FD_OOB_BIT = 2;
  /** Index of FD_ACCEPT's error code. */
  public static final int FD_ACCEPT_BIT = 3;
  /** Index of FD_CONNECT's error code. */
  public static final int FD_CONNECT_BIT = 4;
  /** Index of FD_CLOSE's error code. */
  public static final int FD_CLOSE_BIT = 5;
  /** Index of FD_QOS's error code. */
  public static final int FD_QOS_BIT = 6;
  /** Index of FD_GROUP_QOS's error code. */
  public static final int FD_GROUP_QOS_BIT = 7;
  /** Index of FD_ROUTING_INTERFACE_CHANGE's error code. */
  public static final int FD_ROUTING_INTERFACE_CHANGE_BIT = 8;
  /** Index of FD_ADDRESS_LIST_CHANGE's error code. */
  public static final int FD_ADDRESS_LIST_CHANGE_BIT = 9;
  /** The number of network events: the length of {@link WSANETWORKEVENTS#iErrorCode}. */
  public static final int FD_MAX_EVENTS = 10;
  /** Quality of service changed (never occurs in the emulator). */
  public static final int FD_QOS = 1 << FD_QOS_BIT;
  /** Group quality of service changed (never occurs in the emulator). */
  public static final int FD_GROUP_QOS = 1 << FD_GROUP_QOS_BIT;
  /** The routing interface changed (never occurs in the emulator). */
  public static final int FD_ROUTING_INTERFACE_CHANGE = 1 << FD_ROUTING_INTERFACE_CHANGE_BIT;
  /** The local address list changed (never occurs in the emulator). */
  public static final int FD_ADDRESS_LIST_CHANGE = 1 << FD_ADDRESS_LIST_CHANGE_BIT;
  /** Every network event. */
  public static final int FD_ALL_EVENTS = (1 << FD_MAX_EVENTS) - 1;

  // ---- flags of the WSASend / WSARecv family ----
  /** WSARecv: the message was only partly received (message-oriented protocols). */
  public static final int MSG_PARTIAL = 0x8000;
  /** WSARecv: complete only when the buffers are full (not for overlapped sockets in the emulator). */
  public static final int MSG_WAITALL = 0x8;
  /** WSASend: send at once, without waiting to coalesce. */
  public static final int MSG_PUSH_IMMEDIATE = 0x20;

  // ---- shutdown's how (winsock.h 1.1 names none; the values are 1.1's 0, 1 and 2) ----
  /** shutdown: no more receives. */
  public static final int SD_RECEIVE = 0x00;
  /** shutdown: no more sends (a graceful close towards the peer). */
  public static final int SD_SEND = 0x01;
  /** shutdown: neither. */
  public static final int SD_BOTH = 0x02;
}
