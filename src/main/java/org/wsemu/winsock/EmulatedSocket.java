package org.wsemu.winsock;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.TransportOption;

/**
 * An emulated socket: the Windows Sockets semantics of one handle over a transport endpoint of the
 * emulator's network. Subclasses implement streams and datagrams; what they share is here: the
 * handle, the Winsock state and its rules ({@link SocketState}), the stored options, the blocking
 * mode, the WSAAsyncSelect or WSAEventSelect registration (and WSAEventSelect's record of network
 * events) and the tasks blocked on the socket.
 *
 * <p>Operations return non-negative results or the negated WSAE* code; {@code -WSAEWOULDBLOCK}
 * means "cannot complete now", which the blocking engine turns into a wait on a blocking socket.
 * They never block. What the socket is ready for is one {@link SocketReadiness} snapshot, from
 * which select, WSAAsyncSelect and the waits of blocked calls all read.
 *
 * <p>Thread-safe: operations, the state and the options are guarded by the socket's monitor;
 * {@link #closed} and {@link #asyncSelect} are volatile; the endpoint's readiness callbacks are
 * asked for outside the monitor.
 */
abstract class EmulatedSocket {
  static final int WOULD_BLOCK = -WinSock.WSAEWOULDBLOCK;

  final int handle;
  final int type;
  final WinsockApplication app;
  volatile boolean closed;
  /**
   * Whether one of its operations was cancelled by the program (a blocking call other than accept
   * ended by WSACancelBlockingCall, or overlapped operations by CancelIo): the checked mode's
   * {@code use-after-cancel}. Written by the cancelled task, read by any.
   */
  volatile boolean cancelledByProgram;
  /** The Winsock state and its rules; guarded by this. */
  final SocketState state = new SocketState(this);
  @GuardedBy("this") boolean nonBlocking;
  @GuardedBy("this") boolean debug; // SO_DEBUG, stored
  @GuardedBy("this") boolean dontRoute; // SO_DONTROUTE, stored
  /** The WSAAsyncSelect or WSAEventSelect registration, or null. */
  volatile AsyncSelect asyncSelect;
  /** WSAEventSelect's record of network events, made by the first WSAEventSelect; null before. */
  @GuardedBy("this") private NetworkEventRecord eventRecord;
  /** The tasks blocked on this socket. */
  final BlockedTasks blocked = new BlockedTasks(this);
  /** The overlapped attribute and the pending overlapped operations; guarded by this. */
  final PendingOperations overlapped = new PendingOperations();

  EmulatedSocket(int handle, int type, WinsockApplication app) {
    this.handle = handle;
    this.type = type;
    this.app = app;
  }

  /**
   * What select can report now for the sets the socket is in: looks at the endpoint first as
   * needed (reads ahead, takes a pending connection, completes a connection attempt).
   */
  abstract SocketReadiness lookForSelect(boolean read, boolean write, boolean except);

  /**
   * What WSAAsyncSelect can report now: looks at the endpoint first (reads ahead, takes a pending
   * connection, completes a connection attempt; with {@code closeWanted}, also looks for the
   * peer's end behind data not read yet).
   */
  abstract SocketReadiness lookForEvents(boolean closeWanted);

  /** What the socket's state says now, without looking at the endpoint for more: for the waits. */
  abstract SocketReadiness readiness();

  /** Calls {@code onReady} once when one of {@code ops} may hold; nothing if there is no endpoint yet. */
  abstract void notifyWhen(int ops, Runnable onReady);

  /**
   * Whether the socket may be worked on by a function other than closesocket, select and
   * WSAAsyncSelect: 0, or the error of {@link SocketState#usable}.
   */
  final synchronized int usable() {
    return state.usable();
  }

  /** FD_CONNECT reported the outcome of connection attempt {@code attempt}: it is not reported again. */
  void connectOutcomeReported(int attempt) {}

  /** The number of the last connection attempt that finished, or 0 (what FD_CONNECT counts). */
  int finishedConnectAttempt() {
    return 0;
  }

  /** WSAEventSelect's record of network events (made now if there is none yet). */
  final synchronized NetworkEventRecord eventRecord() {
    if (eventRecord == null) {
      eventRecord = new NetworkEventRecord();
    }
    return eventRecord;
  }

  /** WSAEventSelect's record, or null if WSAEventSelect was never called for this socket. */
  final synchronized NetworkEventRecord eventRecordIfAny() {
    return eventRecord;
  }

  /**
   * A re-enabling function of {@code events} was called (recv: FD_READ and FD_OOB; accept:
   * FD_ACCEPT), even if it failed: the socket's WSAEventSelect gates open whether or not a
   * registration exists now, and the registration looks again. Not under the socket's monitor.
   */
  final void reenableEvents(int events) {
    NetworkEventRecord record = eventRecordIfAny();
    if (record != null) {
      record.gates.reenable(events);
    }
    AsyncSelect registration = asyncSelect;
    if (registration != null) {
      registration.reenable(events);
    }
  }

  /** A send or sendto failed with WSAEWOULDBLOCK: FD_WRITE comes once room comes back. As {@link #reenableEvents}. */
  final void sendWouldBlock() {
    NetworkEventRecord record = eventRecordIfAny();
    if (record != null) {
      record.gates.sendWouldBlock();
    }
    AsyncSelect registration = asyncSelect;
    if (registration != null) {
      registration.sendWouldBlock();
    }
  }

  /**
   * The FD_* conditions that operations already posted will consume, so that no registration
   * reports them: FD_READ while an overlapped receive is pending (what arrives goes into its
   * buffers); meanwhile a registration does not read ahead either. Not under the socket's monitor.
   */
  final synchronized int receivedElsewhere() {
    return overlapped.receivesPending() ? WinSock.FD_READ : 0;
  }

  /** SO_ERROR: the error no call has reported yet, now reported; 0 if none. */
  int takeError() {
    return 0;
  }

  /**
   * Tells the endpoint how many bytes of overlapped receive buffers are posted (SO_RCVBUF 0 takes
   * in only that much); caller holds this socket's monitor. Nothing before there is an endpoint.
   */
  abstract void receivesPosted(int bytes);

  /** Bytes readable now (FIONREAD), or -error. */
  abstract int readable();

  /** Binds; 0 or -error. */
  abstract int bind(int ip, int port);

  /** Local address and port (host order) into {@code out}; 0, or -WSAEINVAL when unbound. */
  abstract int localAddress(int[] out);

  /** Peer address and port into {@code out}; 0, or -WSAENOTCONN. */
  abstract int peerAddress(int[] out);

  /** shutdown(how); 0 or -error. */
  abstract int shutdown(int how);

  /** Closes the endpoint; {@code abortive} resets a connection. */
  abstract void closeEndpoint(boolean abortive);

  /** Whether closing must reset this socket's connection (WSACleanup resets connected streams). */
  abstract boolean isConnectedStream();

  /** A transport option (SO_RCVBUF...) through the endpoint: value or -error. */
  abstract int transportOption(TransportOption option);

  /** Sets a transport option; 0 or -error. */
  abstract int setTransportOption(TransportOption option, int value);

  /**
   * The socket's Winsock state changed in a way that may end a wait (closed, shut down, aborted,
   * listening, connecting, an option, data taken from the endpoint): every task blocked on it
   * wakes and tries its call again. Any thread; need not hold the socket's lock.
   */
  final void stateChanged() {
    blocked.wakeAll();
  }

  /**
   * A Winsock call may have changed the socket's state: as {@link #stateChanged}, and the
   * WSAAsyncSelect registration looks again at what holds and what to watch (after listen, a
   * registration for FD_ACCEPT watches for connections). Any thread; not under the socket's lock.
   */
  final void changedByCall() {
    stateChanged();
    AsyncSelect registration = asyncSelect;
    if (registration != null) {
      registration.wake();
    }
  }

  /**
   * Marks the socket closed without closing its endpoint yet; returns whether it was open (false:
   * someone else closed it). Closing several sockets marks them all first, so that a task woken by
   * one closing (a reset reaching its peer) already sees its own socket closed. Tasks blocked on
   * it wake and fail with WSAEINTR.
   */
  final boolean markClosed() {
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
    }
    stateChanged();
    return true;
  }

  String typeName() {
    return type == WinSock.SOCK_STREAM ? "stream" : "dgram";
  }

  @Override
  public String toString() {
    return typeName() + " socket " + handle;
  }
}
