/**
 * wsemu, an emulator of Windows Sockets 1.1 and its pseudo-blocking model, with Win16 tasks and
 * message queues. Start at {@link org.wsemu.Emulator}.
 *
 * <p>Exported: the emulator ({@code org.wsemu}), the basic types ({@code org.wsemu.task},
 * {@code org.wsemu.time}, {@code org.wsemu.schedule}), the trace ({@code org.wsemu.trace}), the USER and Windows Sockets
 * functions ({@code org.wsemu.user}, {@code org.wsemu.winsock}), the network SPI
 * ({@code org.wsemu.net}), the real network ({@code org.wsemu.net.nio}) and the simulated network
 * ({@code org.wsemu.sim}), the endpoints built on Windows Sockets ({@code org.wsemu.endpoint}),
 * schedule exploration ({@code org.wsemu.explore}),
 * and the JUnit 5 extension for tests of programs built on wsemu ({@code org.wsemu.junit}, which
 * needs JUnit Jupiter's API at run time, and only there). The runtime the layers share ({@code org.wsemu.kernel}) and the
 * annotations of the library's threading contracts ({@code org.wsemu.internal}) are not exported.
 */
module org.wsemu {
  requires transitive org.slf4j; // Slf4jTraceSink takes a Logger
  requires static org.junit.jupiter.api; // org.wsemu.junit only: present when a user's tests run

  exports org.wsemu;
  exports org.wsemu.task;
  exports org.wsemu.time;
  exports org.wsemu.schedule;
  exports org.wsemu.trace;
  exports org.wsemu.diagram;
  exports org.wsemu.user;
  exports org.wsemu.winsock;
  exports org.wsemu.net;
  exports org.wsemu.net.nio;
  exports org.wsemu.sim;
  exports org.wsemu.endpoint;
  exports org.wsemu.junit;
  exports org.wsemu.explore;
}
