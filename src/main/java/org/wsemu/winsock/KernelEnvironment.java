package org.wsemu.winsock;

import org.wsemu.kernel.CallbackBoundary;
import org.wsemu.kernel.Kernel;
import org.wsemu.kernel.KernelTimer;
import org.wsemu.kernel.TaskControl;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.time.Clock;
import org.wsemu.trace.Trace;

/** The emulator, as its network sees it. */
final class KernelEnvironment implements NetworkEnvironment {
  private final Kernel kernel;

  KernelEnvironment(Kernel kernel) {
    this.kernel = kernel;
  }

  @Override
  public String name() {
    return kernel.config().name();
  }

  @Override
  public Clock clock() {
    return kernel.clock();
  }

  @Override
  public KernelTimer schedule(long due, Runnable action) {
    return kernel.schedule(due, action);
  }

  @Override
  public Trace trace() {
    return kernel.trace();
  }

  @Override
  public CallbackBoundary callbacks() {
    return kernel.callbacks();
  }

  @Override
  public int currentTask() {
    TaskControl task = kernel.current();
    return task == null ? 0 : task.handle();
  }
}
