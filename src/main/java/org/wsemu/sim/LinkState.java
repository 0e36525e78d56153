package org.wsemu.sim;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.internal.GuardedBy;

/**
 * One direction of a link between two hosts (or a host and itself): its current character, when
 * its wire is free again (bandwidth), the latest arrival of a reliable packet (TCP never
 * reorders), whether it is cut by a partition, and the reliable packets held back until it heals.
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

  LinkState(SimHost from, SimHost to, Link link) {
    this.from = from;
    this.to = to;
    this.link = link;
  }

  boolean isLoopback() {
    return from == to;
  }

  String label() {
    return from.name + "->" + to.name;
  }
}
