package org.wsemu.winsock;

/**
 * One pseudo-blocking call in progress, on its task's stack of loops. WSACancelBlockingCall sets
 * {@link #cancelled} (under the task's lock); the loop sees it after the hook returns.
 */
final class BlockingLoop {
  final String function;
  final int socket;
  volatile boolean cancelled;

  BlockingLoop(String function, int socket) {
    this.function = function;
    this.socket = socket;
  }
}
