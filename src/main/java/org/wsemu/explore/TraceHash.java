package org.wsemu.explore;

import java.util.List;
import java.util.Map;
import org.wsemu.trace.GoldenFilter;
import org.wsemu.trace.TraceEvent;

/**
 * The fingerprint of a schedule's trace, for counting distinct traces: a 64-bit FNV-1a hash of the
 * events that {@link GoldenFilter#defaults()} keeps (polling left out), each without its {@code seq}
 * and {@code time}, so that two schedules whose events came in the same order count once.
 *
 * <p>Each kept event feeds its task, kind, name and every field's key and {@code String.valueOf}
 * value (the strings its trace line shows) as UTF-16 chars, each string followed by a separator that
 * no string holds, and the event by another; nothing is formatted or allocated, and the result
 * depends on the trace only, never on the run or the JVM. A cryptographic digest is not needed:
 * the hash only counts traces. Taking the hash as random, two different traces collide with
 * probability 2<sup>-64</sup>, and among {@code n} distinct traces some two collide with probability
 * about n<sup>2</sup>/2<sup>65</sup>: below one in 10<sup>8</sup> for a million traces, which would
 * make the distinct count one too low.
 *
 * <p>Stateless; any thread.
 */
final class TraceHash {
  private static final GoldenFilter FILTER = GoldenFilter.defaults();
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  /** After each string: a value no UTF-16 char has, so "ab","c" and "a","bc" differ. */
  private static final int END_OF_STRING = 0x10000;
  /** After each event. */
  private static final int END_OF_EVENT = 0x10001;

  private TraceHash() {}

  static long of(List<TraceEvent> trace) {
    long hash = OFFSET_BASIS;
    for (TraceEvent event : trace) {
      if (FILTER.test(event)) {
        hash = add(hash, event.task());
        hash = add(hash, event.kind().name());
        hash = add(hash, event.name());
        for (Map.Entry<String, Object> field : event.fields().entrySet()) {
          hash = add(hash, field.getKey());
          hash = add(hash, String.valueOf(field.getValue()));
        }
        hash = mix(hash, END_OF_EVENT);
      }
    }
    return hash;
  }

  private static long add(long hash, String s) {
    long h = hash;
    for (int i = 0; i < s.length(); i++) {
      h = mix(h, s.charAt(i));
    }
    return mix(h, END_OF_STRING);
  }

  private static long mix(long hash, int value) {
    return (hash ^ value) * PRIME;
  }
}
