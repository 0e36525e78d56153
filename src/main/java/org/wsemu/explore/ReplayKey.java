package org.wsemu.explore;

/** A parsed replay key. */
final class ReplayKey {
  private ReplayKey() {}

  static ReplayKey parse(String key) {
    throw new UnsupportedOperationException("not yet");
  }
}
