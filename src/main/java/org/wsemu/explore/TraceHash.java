package org.wsemu.explore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;

/**
 * The fingerprint of a schedule's trace, for counting distinct traces: a SHA-256 of the events that
 * {@link GoldenFilter#defaults()} keeps (polling left out), each without its {@code seq} and
 * {@code time}, so that two schedules whose events came in the same order count once. Stateless.
 */
final class TraceHash {
  private static final GoldenFilter FILTER = GoldenFilter.defaults();

  private TraceHash() {}

  static long of(List<TraceEvent> trace) {
    MessageDigest digest = sha256();
    for (TraceEvent event : trace) {
      if (FILTER.test(event)) {
        TraceEvent timeless = new TraceEvent(0, 0, event.task(), event.kind(), event.name(), event.fields());
        digest.update(TraceFormat.line(timeless).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
    }
    return ByteBuffer.wrap(digest.digest()).getLong();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
