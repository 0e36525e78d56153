package org.wsemu.winsock;

/**
 * {@code WSAOVERLAPPED}: the identity of one overlapped operation, from the call that starts it to
 * its completion. The program owns it and must not reuse it, or let it go, while the operation is
 * pending.
 *
 * <ul>
 *   <li>{@code Internal}: the operation's status, written by the emulator: {@link WinSock2#STATUS_PENDING}
 *       while pending, then 0 or the Winsock error code it completed with;
 *   <li>{@code InternalHigh}: the number of bytes transferred, written at completion;
 *   <li>{@code Offset}, {@code OffsetHigh}: unused by sockets; the emulator leaves them alone;
 *   <li>{@code hEvent}: the event object signalled at completion when no completion routine is given
 *       (the starting call resets it); with a completion routine the emulator ignores it, and the
 *       program may keep anything in it.
 * </ul>
 *
 * <p>Not final: as C programs put a {@code WSAOVERLAPPED} first in a structure of their own to find
 * their context from the pointer a completion routine receives, a ported program may extend it.
 *
 * <p>A mutable structure like its C original. The emulator writes {@code Internal} and
 * {@code InternalHigh} from whatever thread completes the operation; read them after the
 * completion was indicated (event signalled, routine called, or {@code WSAGetOverlappedResult}).
 */
public class WSAOVERLAPPED {
  /** {@code ULONG_PTR Internal}: the status (see the class description). */
  public volatile int Internal;
  /** {@code ULONG_PTR InternalHigh}: the bytes transferred. */
  public volatile int InternalHigh;
  /** {@code DWORD Offset}: unused by sockets. */
  public int Offset;
  /** {@code DWORD OffsetHigh}: unused by sockets. */
  public int OffsetHigh;
  /** {@code WSAEVENT hEvent}: the event signalled at completion, or anything with a completion routine. */
  public int hEvent;

  /** The operation last started with this structure (the emulator's own bookkeeping, not C's). */
  volatile OverlappedOperation operation;

  /** A zeroed structure, as {@code WSAOVERLAPPED ov = {0};}. */
  public WSAOVERLAPPED() {}

  /** A zeroed structure whose {@code hEvent} is {@code hEvent}. */
  public WSAOVERLAPPED(int hEvent) {
    this.hEvent = hEvent;
  }
}
