package org.wsemu.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated field is read and written only while the named lock is held (a method: it is
 * called only so; a class: every field of it, so its every method, which its callers make sure
 * of). The lock is one of:
 *
 * <ul>
 *   <li>{@code "this"}: the object's monitor;
 *   <li>a field of the same object that holds a lock or whose monitor is the lock, for example
 *       {@code "lock"};
 *   <li>{@code "Type.field"}: that field of the {@code Type} object this one belongs to, a lock
 *       several objects share, for example {@code "SimNetworkState.lock"}, the simulated network's lock;
 *   <li>{@code "Type.this"}: the monitor of the {@code Type} object this one is a part of, for
 *       example {@code "EmulatedSocket.this"}, the socket's monitor, which guards its parts;
 *   <li>{@code "field.lock()"}: the lock a method of a field's object returns, for example
 *       {@code "task.lock()"}, the lock of the task that field holds.
 * </ul>
 *
 * <p>The lock order between the emulator's locks is written down in {@code docs/scheduling.md},
 * section "Locking".
 *
 * <pre>{@code
 * import org.wsemu.internal.GuardedBy;
 *
 * final class Counter {
 *   @GuardedBy("this") private long count;
 *
 *   synchronized void increment() {
 *     count++;
 *   }
 * }
 * }</pre>
 *
 * <p>Kept in the class files (not at run time), where a checker that reads bytecode finds it; the
 * simple name is the one static analysers (Error Prone, the Checker Framework) look for.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface GuardedBy {
  /**
   * The lock: {@code "this"}, a field such as {@code "lock"}, {@code "Type.field"},
   * {@code "Type.this"} or {@code "task.lock()"}.
   */
  String value();
}
