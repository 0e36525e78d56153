package org.wsemu.winsock;

/**
 * {@code LPWSAOVERLAPPED_COMPLETION_ROUTINE}: the routine an overlapped operation calls when it
 * completes, {@code void CALLBACK CompletionROUTINE(DWORD dwError, DWORD cbTransferred,
 * LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags)}.
 *
 * <p>Threading: it runs only on the task that started the operation, and only while that task is
 * in an alertable wait ({@code SleepEx} or {@code WSAWaitForMultipleEvents} with
 * {@code fAlertable} TRUE); every routine queued by then runs before the wait returns. An exception
 * it throws is handled by the emulator's callback exception policy, as a window procedure's is.
 */
@FunctionalInterface
public interface LPWSAOVERLAPPED_COMPLETION_ROUTINE {
  /**
   * The operation completed.
   *
   * @param dwError 0, or the Winsock error it completed with ({@code WSA_OPERATION_ABORTED},
   *     {@code WSAECONNRESET}...)
   * @param cbTransferred the number of bytes transferred
   * @param lpOverlapped the structure the operation was started with
   * @param dwFlags the receive flags ({@code MSG_PARTIAL}...), 0 for a send
   */
  void call(int dwError, int cbTransferred, WSAOVERLAPPED lpOverlapped, int dwFlags);
}
