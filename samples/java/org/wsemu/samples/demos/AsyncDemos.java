package org.wsemu.samples.demos;

import java.util.List;

/**
 * Demonstrations of asynchronous calls: WSAAsyncSelect, WSAAsyncGetXByY, overlapped I/O and endpoints.
 *
 * <p>Stateless and thread-safe.
 */
final class AsyncDemos {
  private AsyncDemos() {}

  /** This group's demonstrations, in catalogue order. */
  static List<Demonstration> all() {
    return List.of(
        AsyncSelectWithoutInProgress.demonstration(),
        FdReadReenable.demonstration(),
        ConnectThenWrite.demonstration(),
        CancelAsyncAlready.demonstration(),
        CancelledLookupSilent.demonstration(),
        OverlappedOutOfOrder.demonstration(),
        EndpointCancelOrder.demonstration());
  }
}
