package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_TIMER;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.user.MSG;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;

/**
 * An emulator built with the defaults never starts SLF4J, so that a program without an SLF4J
 * provider gets no "No SLF4J providers were found" warning; the SLF4J trace starts it when asked.
 *
 * <p>Each run happens in a class loader of its own (the compiled library and tests, slf4j-api,
 * Logback), where SLF4J starts afresh: {@code LoggerFactory}, which looks the provider up, is loaded
 * there only if something asks it for a logger.
 */
class Slf4jByDefaultTest {
  private static final String LOGGER_FACTORY = "org.slf4j.LoggerFactory";

  @Test
  @Timeout(30)
  void aDefaultEmulatorOfEitherModeNeverStartsSlf4j() throws Exception {
    try (Isolated loader = new Isolated()) {
      assertEquals(2 * Run.EXIT_CODE, loader.run(false));
      assertFalse(loader.hasLoaded(LOGGER_FACTORY), "a default emulator started SLF4J");
    }
  }

  @Test
  @Timeout(30)
  void theSlf4jTraceStartsSlf4jWhenAskedFor() throws Exception {
    try (Isolated loader = new Isolated()) {
      assertEquals(2 * Run.EXIT_CODE, loader.run(true));
      assertTrue(loader.hasLoaded(LOGGER_FACTORY), "slf4jTrace(true) did not reach SLF4J");
    }
  }

  /**
   * Runs, in each mode, an emulator from {@code Emulator.builder()}, with the SLF4J trace if asked.
   * PackagingIT also runs it as a program, on the library jar and slf4j-api alone.
   */
  public static final class Run implements Function<Boolean, Integer> {
    static final int EXIT_CODE = 42;

    /** {@code Run [true|false]}: exit code 0 if both emulators ran; {@code true} asks for the SLF4J trace. */
    public static void main(String[] args) {
      boolean slf4jTrace = args.length > 0 && Boolean.parseBoolean(args[0]);
      System.exit(new Run().apply(slf4jTrace) == 2 * EXIT_CODE ? 0 : 1);
    }

    @Override
    public Integer apply(Boolean slf4jTrace) {
      int sum = 0;
      for (SchedulingMode mode : SchedulingMode.values()) {
        Emulator.Builder builder = Emulator.builder().mode(mode);
        if (slf4jTrace) {
          builder.slf4jTrace(true);
        }
        try (Emulator emu = builder.build()) {
          Task app = emu.createTask("app", () -> timerAndSocket(emu.user(), emu.winsock()));
          emu.start();
          if (!app.join(Duration.ofSeconds(10))) {
            throw new AssertionError(mode + ": the task did not end");
          }
          sum += app.exitCode().orElse(-1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
      return sum;
    }

    /** A timer message, then a socket opened and closed: USER, the scheduler and the network at work. */
    private static int timerAndSocket(User user, WinsockApi ws) {
      user.SetTimer(NULL, 0, 10, null);
      MSG msg = new MSG();
      user.GetMessage(msg, NULL, 0, 0);
      if (msg.message != WM_TIMER || ws.WSAStartup(0x0101, new WSADATA()) != 0) {
        return -1;
      }
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      int closed = s == INVALID_SOCKET ? -1 : ws.closesocket(s);
      ws.WSACleanup();
      return closed == 0 ? EXIT_CODE : -1;
    }
  }

  /** A class loader with the library, the tests and SLF4J with Logback, sharing only the JDK with the test. */
  private static final class Isolated extends URLClassLoader {
    Isolated() {
      super(new URL[] {
          where(Emulator.class), where(Slf4jByDefaultTest.class), where(LoggerFactory.class),
          where(ch.qos.logback.classic.Logger.class), where(ch.qos.logback.core.Context.class)},
          ClassLoader.getPlatformClassLoader());
    }

    @SuppressWarnings("unchecked")
    int run(boolean slf4jTrace) throws ReflectiveOperationException {
      Class<?> run = Class.forName(Run.class.getName(), true, this);
      return ((Function<Boolean, Integer>) run.getConstructor().newInstance()).apply(slf4jTrace);
    }

    boolean hasLoaded(String className) {
      return findLoadedClass(className) != null;
    }

    /** The directory or jar a class was loaded from. */
    private static URL where(Class<?> type) {
      return type.getProtectionDomain().getCodeSource().getLocation();
    }
  }
}
