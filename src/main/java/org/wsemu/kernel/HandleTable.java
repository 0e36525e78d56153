package org.wsemu.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.wsemu.internal.GuardedBy;

/**
 * Allocates handles (HTASK, HWND, timer ids, atoms) in a fixed range and maps them to objects.
 *
 * <p>Handles are never 0, never reused while allocated, and handed out cyclically: a freed handle
 * comes back only after the rest of the range has been tried, so a stale handle stays invalid for
 * as long as possible. The order of allocation is deterministic.
 *
 * <p>Thread-safe.
 *
 * @param <T> what a handle stands for
 */
public final class HandleTable<T> {
  private final int min;
  private final int max;
  @GuardedBy("this") private final Map<Integer, T> entries = new HashMap<>();
  @GuardedBy("this") private int next;

  /**
   * A table for handles in {@code [min, max]}.
   *
   * @throws IllegalArgumentException if {@code min < 1} or {@code max < min}
   */
  public HandleTable(int min, int max) {
    if (min < 1) {
      throw new IllegalArgumentException("min < 1: " + min);
    }
    if (max < min) {
      throw new IllegalArgumentException("max < min: " + max + " < " + min);
    }
    this.min = min;
    this.max = max;
    this.next = min;
  }

  /** Allocates a handle for {@code value}; returns 0 if the range is exhausted. */
  public synchronized int allocate(T value) {
    int handle = allocateHandle();
    if (handle != 0) {
      entries.put(handle, value);
    }
    return handle;
  }

  /**
   * Allocates a handle and stores what {@code factory} makes of it (the object may need to know
   * its own handle).
   *
   * @return the stored object, or {@code null} if the range is exhausted
   */
  public synchronized T allocate(IntFunction<T> factory) {
    int handle = allocateHandle();
    if (handle == 0) {
      return null;
    }
    T value = factory.apply(handle);
    entries.put(handle, value);
    return value;
  }

  private int allocateHandle() {
    long size = (long) max - min + 1;
    if (entries.size() >= size) {
      return 0;
    }
    int candidate = next;
    while (entries.containsKey(candidate)) {
      candidate = candidate == max ? min : candidate + 1;
    }
    next = candidate == max ? min : candidate + 1;
    return candidate;
  }

  /** The object behind {@code handle}, or {@code null} if it is not allocated. */
  public synchronized T get(int handle) {
    return entries.get(handle);
  }

  /** Frees {@code handle}; returns whether it was allocated. */
  public synchronized boolean free(int handle) {
    return entries.remove(handle) != null;
  }

  /** The allocated objects in ascending handle order. */
  public synchronized List<T> values() {
    List<Integer> handles = new ArrayList<>(entries.keySet());
    handles.sort(null);
    List<T> values = new ArrayList<>(handles.size());
    for (Integer handle : handles) {
      values.add(entries.get(handle));
    }
    return values;
  }

  /** How many handles are allocated. */
  public synchronized int size() {
    return entries.size();
  }
}
