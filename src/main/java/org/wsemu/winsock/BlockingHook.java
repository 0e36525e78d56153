package org.wsemu.winsock;

/**
 * A blocking hook ({@code FARPROC} for WSASetBlockingHook): called repeatedly by a
 * pseudo-blocking call while it waits, as long as it returns {@code true}. The default hook
 * dispatches one message per call; a custom hook may do anything, but of the Winsock functions it
 * may call only WSACancelBlockingCall, WSAIsBlocking, WSAGetLastError and the conversion functions
 * (htons, inet_addr...): in a task that negotiated version 1.x every other one fails with
 * WSAEINPROGRESS. The 1.1 specification allows only WSACancelBlockingCall inside a hook, so a
 * portable hook calls nothing else.
 *
 * <pre>{@code
 * BlockingHook timeoutHook = () -> {
 *   if (user.GetTickCount() - start > 5000) ws.WSACancelBlockingCall();
 *   return false;   // process no messages: no reentrancy
 * };
 * BlockingHook previous = ws.WSASetBlockingHook(timeoutHook);
 * }</pre>
 *
 * <p>Threading: called on the thread of the task that installed it, inside its blocking call.
 */
@FunctionalInterface
public interface BlockingHook {
  /**
   * Does one unit of work while a call blocks.
   *
   * @return {@code true} to be called again at once, {@code false} when there is nothing to do
   */
  boolean call();
}
