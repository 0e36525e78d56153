package org.wsemu.schedule;

/**
 * The choices a Win16 emulator on virtual time makes by itself, which schedule exploration may
 * make otherwise. Option {@code 0} of every choice is what the emulator does when nobody explores,
 * so a {@link ChoiceSource} that always answers 0 changes nothing.
 */
public enum ChoicePoint {
  /** Which ready task runs next when the running one gives up the processor. Option 0: the rule of {@code docs/scheduling.md}. */
  TASK,
  /**
   * The order of the actions due at the same virtual instant (a timer expiring, a packet arriving,
   * a lookup reply): message arrival against I/O completion. Option {@code i}: the {@code i}-th of
   * the remaining due actions, in scheduling order, runs next.
   */
  DUE_ORDER,
  /** Extra delay of one simulated packet, in milliseconds (TCP segments still arrive in order). */
  NETWORK_DELAY,
  /** Extra delay of a USER timer's first expiry, in milliseconds: its phase against the others. */
  TIMER_PHASE,
  /** The moment a blocked call re-runs a custom blocking hook: option {@code i} re-polls {@code i} ms earlier. */
  HOOK_REPOLL,
  /** Extra latency of an asynchronous lookup (WSAAsyncGetXByY), in milliseconds. */
  LOOKUP_LATENCY,
  /**
   * The order in which overlapped operations that complete together are indicated. Option 0: the
   * one the network draws from its seed; option {@code i}: the {@code i}-th after it, wrapping.
   */
  COMPLETION_ORDER
}
