package org.wsemu.user;

import org.wsemu.kernel.KernelTask;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/** Trace events of the USER layer, built only when the trace is enabled. */
final class Tracing {
  private Tracing() {}

  static String label(KernelTask task) {
    return task == null ? "-" : task.label();
  }

  /** A CALL event: the arguments as name/value pairs, then {@code ret}. */
  static Trace.EventBuilder call(Trace trace, KernelTask caller, String function, Object... args) {
    return fields(trace.event(TraceKind.CALL, label(caller), function), args);
  }

  /** Adds name/value pairs ({@code name1, value1, name2, value2...}) to an event. */
  static Trace.EventBuilder fields(Trace.EventBuilder event, Object... pairs) {
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      event.with((String) pairs[i], pairs[i + 1]);
    }
    return event;
  }

  /** Appends a retrieved message to an event. */
  static Trace.EventBuilder message(Trace.EventBuilder event, MSG msg) {
    return event.with("msg", MessageNames.of(msg.message))
        .with("hwnd", Hex.handle(msg.hwnd))
        .with("wParam", Hex.handle(msg.wParam))
        .with("lParam", Hex.dword(msg.lParam));
  }

  static void timer(KernelTask owner, UserTimer timer) {
    Trace trace = owner.kernel().trace();
    if (trace.enabled()) {
      trace.event(TraceKind.TIMER, owner.label(), "expired")
          .with("hwnd", Hex.handle(timer.hwnd))
          .with("id", Hex.handle(timer.id))
          .emit();
    }
  }

  static void unwind(KernelTask task, String function) {
    Trace trace = task.kernel().trace();
    if (trace.enabled()) {
      trace.event(TraceKind.UNWIND, task.label(), function).with("level", task.nesting() + 1).emit();
    }
  }
}
