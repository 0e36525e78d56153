package org.wsemu.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.wsemu.internal.GuardedBy;

/**
 * One direction of a link between two hosts (or a host and itself): its current character, when
 * its wire is free again (bandwidth), the latest arrival of a reliable packet and the reliable packets in
 * flight (TCP never reorders), whether it is cut by a partition, and the reliable packets held back until it heals.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
@GuardedBy("SimNetworkState.lock")
final class LinkState {
  final SimHost from;
  final SimHost to;
  Link link;
  double freeAt;
  long lastReliableArrival;
  boolean partitioned;
  int dropNext;
  final List<Runnable> held = new ArrayList<>();
  private final Map<Object, ArrayDeque<Runnable>> inFlight = new IdentityHashMap<>();

  LinkState(SimHost from, SimHost to, Link link) {
    this.from = from;
    this.to = to;
    this.link = link;
  }

  /**
   * Puts a reliable packet's arrival in flight on {@code channel} (one direction of one
   * connection) and returns what its timer runs: the arrival of the oldest packet in flight on that
   * channel. Reliable arrivals are due in the order sent (never earlier than the one before), so
   * each timer delivers its own packet when due actions run in scheduling order; when schedule
   * exploration reorders actions due at one instant ({@code ChoicePoint.DUE_ORDER}), a channel's
   * packets still arrive in the order sent, as TCP's do, while two connections may swap.
   */
  Runnable inOrder(Object channel, Runnable arrive) {
    inFlight.computeIfAbsent(channel, c -> new ArrayDeque<>()).add(arrive);
    return () -> {
      ArrayDeque<Runnable> queue = inFlight.get(channel);
      Runnable oldest = queue.remove();
      if (queue.isEmpty()) {
        inFlight.remove(channel);
      }
      oldest.run();
    };
  }

  boolean isLoopback() {
    return from == to;
  }

  String label() {
    return from.name + "->" + to.name;
  }
}
