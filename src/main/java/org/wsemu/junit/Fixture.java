package org.wsemu.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.platform.commons.support.ReflectionSupport;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.task.OpenResources;
import org.wsemu.time.Clock;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceRecorder;

/**
 * One test's emulator, its simulated network (null on the real network) and the recorder of its
 * whole trace.
 *
 * <p>Built, used and closed by the test's extension on the test's thread; the emulator and the
 * recorder are thread-safe.
 */
final class Fixture {
  /** The system property that moves the directory of the trace files. */
  static final String TRACE_DIR_PROPERTY = "wsemu.traceDir";

  final Settings settings;
  final Emulator emulator;
  final SimulatedNetwork network;
  final TraceRecorder recorder = new TraceRecorder();

  Fixture(Settings settings, String name) {
    this.settings = settings;
    this.network = settings.network() == WsemuTest.Network.SIMULATED
        ? SimulatedNetwork.builder().seed(settings.seed()).build() : null;
    Emulator.Builder builder = Emulator.builder().name(name).mode(settings.mode()).slf4jTrace(false).checked(settings.checked())
        .traceSink(recorder)
        .clock(settings.virtualClock() ? Clock.virtual() : Clock.system())
        .network(network != null ? network : new RealNetwork());
    if (settings.lookupLatencyMillis() >= 0) {
      builder.lookupLatency(Duration.ofMillis(settings.lookupLatencyMillis()));
    }
    if (settings.threadFactory() != ThreadFactory.class) {
      builder.threadFactory(ReflectionSupport.newInstance(settings.threadFactory()));
    }
    this.emulator = builder.build();
  }

  /** Shuts the emulator down and returns what it left behind, one line each; empty if nothing. */
  List<String> closeAndCheck() {
    emulator.shutdown();
    OpenResources left = emulator.openResources();
    return left.isEmpty() ? List.of() : List.of(emulator + " left behind " + left);
  }

  /**
   * Writes the whole trace to {@code fileName} in the trace directory and returns the excerpt of a
   * failure, which names the file (or why it could not be written).
   */
  TraceExcerpt excerpt(String fileName) {
    List<TraceEvent> events = recorder.events();
    Path file = Path.of(System.getProperty(TRACE_DIR_PROPERTY, "target/wsemu-traces")).resolve(fileName);
    String written;
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, TraceFormat.lines(events));
      written = "whole trace in " + file;
    } catch (IOException | RuntimeException e) {
      written = "whole trace not written to " + file + ": " + e;
    }
    return new TraceExcerpt("wsemu: " + settings.describe() + "; " + written, events, settings.traceTail());
  }
}
