package org.wsemu.endpoint;

import static org.wsemu.winsock.WinSock.*;

/**
 * The result codes of endpoint requests, with the names of the Newton Endpoint Interface (Apple,
 * <i>Newton Programmer's Guide</i>, chapter 23): 0 is success, every failure a negative code. The
 * comm-tool codes are {@code -16000 - n}; the one transport code used is {@link #TACCESS}
 * ({@code -36003}), the code of a request made while a cancel is in progress.
 *
 * <p>A Winsock error a request meets becomes a code by {@link #fromWinsock(int)}:
 *
 * <table>
 *   <caption>Winsock errors and the codes they become</caption>
 *   <tr><th>Winsock error</th><th>code</th></tr>
 *   <tr><td>WSAECONNREFUSED, WSAENETUNREACH, WSAEHOSTUNREACH, WSAEHOSTDOWN</td>
 *       <td>{@link #kCommErrNoConnectionEnd} (nobody at the other end)</td></tr>
 *   <tr><td>WSAECONNRESET, WSAECONNABORTED, WSAENETRESET, WSAEDISCON</td>
 *       <td>{@link #kCommErrConnectionAborted}</td></tr>
 *   <tr><td>WSAETIMEDOUT</td><td>{@link #kCommErrRetransLimitReached} (the transport gave up
 *       retransmitting; a request's own time-out is a cancellation instead, -16005)</td></tr>
 *   <tr><td>WSAENOTCONN, WSAESHUTDOWN</td><td>{@link #kCommErrNotConnected}</td></tr>
 *   <tr><td>WSAEISCONN</td><td>{@link #kCommErrAlreadyConnected}</td></tr>
 *   <tr><td>WSAEADDRINUSE, WSAEADDRNOTAVAIL, WSAEACCES, WSAEMFILE, WSAENOBUFS, WSAENETDOWN,
 *       WSANOTINITIALISED, WSASYSNOTREADY</td><td>{@link #kCommErrResourceNotAvailable}</td></tr>
 *   <tr><td>WSAEINVAL, WSAEFAULT, WSAEAFNOSUPPORT, WSAEDESTADDRREQ</td>
 *       <td>{@link #kCommErrBadParameter}</td></tr>
 *   <tr><td>WSAEINPROGRESS (the task is inside a blocking Winsock call)</td>
 *       <td>{@link #kCommErrToolBusy}</td></tr>
 *   <tr><td>WSAEINTR</td><td>{@link #kCommErrRequestCanceled}</td></tr>
 *   <tr><td>any other</td><td>the Winsock code negated ({@code -10050} for WSAENETDOWN's
 *       neighbours...), so that nothing is lost</td></tr>
 * </table>
 *
 * <p>Constants only; thread-safe.
 */
public final class CommErrors {
  private CommErrors() {}

  /** Success. */
  public static final int noErr = 0;

  /** The base of the comm-tool codes. */
  public static final int ERRBASE_COMMTOOL = -16000;
  /** The base of the transport codes. */
  public static final int ERRBASE_TRANSPORT = -36000;

  /** -16001: a command is in progress (an Input while a standing input spec is active). */
  public static final int kCommErrCommandInProgress = ERRBASE_COMMTOOL - 1;
  /** -16002: a command invalid in the endpoint's state. */
  public static final int kCommErrBadCommand = ERRBASE_COMMTOOL - 2;
  /** -16003: the tool is busy (the task is inside a blocking Winsock call). */
  public static final int kCommErrToolBusy = ERRBASE_COMMTOOL - 3;
  /** -16005: the request was cancelled (by Cancel, Disconnect with cancelPending, or a time-out). */
  public static final int kCommErrRequestCanceled = ERRBASE_COMMTOOL - 5;
  /** -16006: a bad parameter. */
  public static final int kCommErrBadParameter = ERRBASE_COMMTOOL - 6;
  /** -16007: no connection end: the connection was refused, or the peer cannot be reached. */
  public static final int kCommErrNoConnectionEnd = ERRBASE_COMMTOOL - 7;
  /** -16008: already connected (Connect, Listen or Accept on a connected endpoint). */
  public static final int kCommErrAlreadyConnected = ERRBASE_COMMTOOL - 8;
  /** -16009: invalid when not connected (Output or Input on an endpoint with no connection). */
  public static final int kCommErrNotConnected = ERRBASE_COMMTOOL - 9;
  /** -16011: the transport gave up retransmitting (WSAETIMEDOUT). */
  public static final int kCommErrRetransLimitReached = ERRBASE_COMMTOOL - 11;
  /** -16013: the connection was aborted (reset, or ended by Disconnect while input was pending). */
  public static final int kCommErrConnectionAborted = ERRBASE_COMMTOOL - 13;
  /** -16015: no request pending (not used by Cancel: see {@link Endpoint#Cancel}). */
  public static final int kCommErrNoRequestPending = ERRBASE_COMMTOOL - 15;
  /** -16017: time-out waiting for a connection (not used: a Listen's time-out cancels, -16005). */
  public static final int kCommErrListenerTimeOut = ERRBASE_COMMTOOL - 17;
  /** -16018: already bound (Bind on a bound endpoint). */
  public static final int kCommErrAlreadyBound = ERRBASE_COMMTOOL - 18;
  /** -16019: not bound (Connect or Listen before Bind). */
  public static final int kCommErrNotBound = ERRBASE_COMMTOOL - 19;
  /** -16020: the connection is being released (a request after a graceful Disconnect began). */
  public static final int kCommErrReleasingConnection = ERRBASE_COMMTOOL - 20;
  /** -16022: a resource is not available (address in use, no sockets left, network down). */
  public static final int kCommErrResourceNotAvailable = ERRBASE_COMMTOOL - 22;

  /**
   * -36003, Newton's {@code TACCESS} ("incorrect permissions"): the Endpoint Interface gives it to
   * any request made while a cancel is in progress. {@link #kErrCancelInProgress} is the same code
   * under a name that says when it happens.
   */
  public static final int TACCESS = ERRBASE_TRANSPORT - 3;
  /** -36003 ({@link #TACCESS}): the request was made while a cancel was in progress. */
  public static final int kErrCancelInProgress = TACCESS;

  /**
   * The code a Winsock error becomes (see the table above).
   *
   * @param wsaError a Winsock error code (WSAGetLastError), 0 for none
   * @return 0 for 0, else a negative code
   */
  public static int fromWinsock(int wsaError) {
    switch (wsaError) {
      case 0:
        return noErr;
      case WSAECONNREFUSED, WSAENETUNREACH, WSAEHOSTUNREACH, WSAEHOSTDOWN:
        return kCommErrNoConnectionEnd;
      case WSAECONNRESET, WSAECONNABORTED, WSAENETRESET, WSAEDISCON:
        return kCommErrConnectionAborted;
      case WSAETIMEDOUT:
        return kCommErrRetransLimitReached;
      case WSAENOTCONN, WSAESHUTDOWN:
        return kCommErrNotConnected;
      case WSAEISCONN:
        return kCommErrAlreadyConnected;
      case WSAEADDRINUSE, WSAEADDRNOTAVAIL, WSAEACCES, WSAEMFILE, WSAENOBUFS, WSAENETDOWN,
          WSANOTINITIALISED, WSASYSNOTREADY:
        return kCommErrResourceNotAvailable;
      case WSAEINVAL, WSAEFAULT, WSAEAFNOSUPPORT, WSAEDESTADDRREQ:
        return kCommErrBadParameter;
      case WSAEINPROGRESS:
        return kCommErrToolBusy;
      case WSAEINTR:
        return kCommErrRequestCanceled;
      default:
        return -Math.abs(wsaError);
    }
  }

  /**
   * The name of a code, for messages and traces: {@code "kCommErrRequestCanceled"},
   * {@code "TACCESS"}, {@code "noErr"}, or the number for a code without a name here.
   */
  public static String name(int code) {
    switch (code) {
      case noErr: return "noErr";
      case kCommErrCommandInProgress: return "kCommErrCommandInProgress";
      case kCommErrBadCommand: return "kCommErrBadCommand";
      case kCommErrToolBusy: return "kCommErrToolBusy";
      case kCommErrRequestCanceled: return "kCommErrRequestCanceled";
      case kCommErrBadParameter: return "kCommErrBadParameter";
      case kCommErrNoConnectionEnd: return "kCommErrNoConnectionEnd";
      case kCommErrAlreadyConnected: return "kCommErrAlreadyConnected";
      case kCommErrNotConnected: return "kCommErrNotConnected";
      case kCommErrRetransLimitReached: return "kCommErrRetransLimitReached";
      case kCommErrConnectionAborted: return "kCommErrConnectionAborted";
      case kCommErrNoRequestPending: return "kCommErrNoRequestPending";
      case kCommErrListenerTimeOut: return "kCommErrListenerTimeOut";
      case kCommErrAlreadyBound: return "kCommErrAlreadyBound";
      case kCommErrNotBound: return "kCommErrNotBound";
      case kCommErrReleasingConnection: return "kCommErrReleasingConnection";
      case kCommErrResourceNotAvailable: return "kCommErrResourceNotAvailable";
      case TACCESS: return "TACCESS";
      default: return Integer.toString(code);
    }
  }
}
