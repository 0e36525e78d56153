package org.wsemu.bench;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * The process's private futex hash on Linux 6.16 and later, read and sized with
 * {@code prctl(PR_FUTEX_HASH, ...)} through the foreign function API of JDK 22 and later, found by
 * reflection so that this source stays Java 17. The kernel sizes the hash from the number of CPUs
 * (16 slots on two), and every wake-up of a thread parked in the JVM walks the chain of sleepers
 * in its slot: with thousands of parked platform threads each hand-off grows dear.
 *
 * <p>Threading: any thread; the setting is process-wide, so only the benchmark's child JVM uses it.
 */
final class FutexHash {
  private static final int PR_FUTEX_HASH = 78;
  private static final long PR_FUTEX_HASH_SET_SLOTS = 1;
  private static final long PR_FUTEX_HASH_GET_SLOTS = 2;

  private FutexHash() {}

  /** The slots of the private hash (0: the global one), or -1 where the kernel or JDK has none. */
  static int slots() throws Throwable {
    MethodHandle prctl = prctl();
    return prctl == null ? -1 : (int) prctl.invokeWithArguments(PR_FUTEX_HASH, PR_FUTEX_HASH_GET_SLOTS, 0L, 0L, 0L);
  }

  /** Sets the private hash's slots; 0 on success, -1 on failure. */
  static int setSlots(long slots) throws Throwable {
    MethodHandle prctl = prctl();
    return prctl == null ? -1 : (int) prctl.invokeWithArguments(PR_FUTEX_HASH, PR_FUTEX_HASH_SET_SLOTS, slots, 0L, 0L);
  }

  /** {@code int prctl(int option, ...)} with four long arguments, or null before JDK 22. */
  private static MethodHandle prctl() throws ReflectiveOperationException {
    if (Runtime.version().feature() < 22) {
      return null;
    }
    Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
    Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
    Class<?> valueLayoutClass = Class.forName("java.lang.foreign.ValueLayout");
    Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
    Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
    Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
    Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
    Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
        .getMethod("find", String.class).invoke(lookup, "prctl");
    if (symbol.isEmpty()) {
      return null;
    }
    Object intLayout = valueLayoutClass.getField("JAVA_INT").get(null);
    Object longLayout = valueLayoutClass.getField("JAVA_LONG").get(null);
    Object arguments = Array.newInstance(layoutClass, 5);
    Array.set(arguments, 0, intLayout);
    for (int i = 1; i < 5; i++) {
      Array.set(arguments, i, longLayout);
    }
    Object descriptor = descriptorClass.getMethod("of", layoutClass, arguments.getClass())
        .invoke(null, intLayout, arguments);
    Object options = Array.newInstance(optionClass, 1);
    Array.set(options, 0, optionClass.getMethod("firstVariadicArg", int.class).invoke(null, 1));
    return (MethodHandle) linkerClass.getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"),
        descriptorClass, options.getClass()).invoke(linker, symbol.get(), descriptor, options);
  }
}
