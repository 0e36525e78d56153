package org.wsemu.winsock;

import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTask;
import org.wsemu.net.NetError;
import org.wsemu.net.NetworkCallbacks;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkTimer;
import org.wsemu.net.NetworkTrace;
import org.wsemu.schedule.ChoiceSource;
import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The emulator, as its network sees it: the kernel's clock, timer queue, tasks and callback
 * boundary, its choice source, and its trace, where network events are recorded on the task label {@code "net"}, a
 * {@link NetError} as the Windows Sockets code the program would see for it.
 *
 * <p>Thread-safe.
 */
final class KernelEnvironment implements NetworkEnvironment {
  private final Kernel kernel;
  private final NetworkTrace trace;
  private final NetworkCallbacks callbacks;

  KernelEnvironment(Kernel kernel) {
    this.kernel = kernel;
    this.trace = new KernelTrace(kernel.trace());
    this.callbacks = new NetworkCallbacks() {
      @Override
      public boolean run(String what, Runnable code) {
        return kernel.callbacks().run(what, code);
      }

      @Override
      public void failed(String what, Throwable error) {
        kernel.callbacks().failed(what, error);
      }
    };
  }

  @Override
  public String name() {
    return kernel.config().name();
  }

  @Override
  public long now() {
    return kernel.clock().millis();
  }

  @Override
  public NetworkTimer schedule(long due, Runnable action) {
    return kernel.schedule(due, action)::cancel;
  }

  @Override
  public boolean schedulingRunsDueActions() {
    return kernel.clock().isVirtual() && kernel.current() == null;
  }

  @Override
  public int currentTask() {
    KernelTask task = kernel.current();
    return task == null ? 0 : task.handle();
  }

  @Override
  public NetworkTrace trace() {
    return trace;
  }

  @Override
  public NetworkCallbacks callbacks() {
    return callbacks;
  }

  @Override
  public ChoiceSource choices() {
    return kernel.choices();
  }

  /** Network events in the emulator's trace. */
  private record KernelTrace(Trace trace) implements NetworkTrace {
    @Override
    public boolean enabled() {
      return trace.enabled();
    }

    @Override
    public void event(Kind kind, String name, Object... fields) {
      Trace.EventBuilder event = trace.event(kind == Kind.NET ? TraceKind.NET : TraceKind.FAULT, "net", name);
      for (int i = 0; i + 1 < fields.length; i += 2) {
        Object value = fields[i + 1];
        event.with(String.valueOf(fields[i]), value instanceof NetError error ? NetErrors.code(error) : value);
      }
      event.emit();
    }

    @Override
    public void deferDelivery() {
      trace.deferDelivery();
    }

    @Override
    public void resumeDelivery() {
      trace.resumeDelivery();
    }
  }
}
