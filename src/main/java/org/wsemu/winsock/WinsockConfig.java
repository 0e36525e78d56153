package org.wsemu.winsock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an emulator's Windows Sockets layer, fixed when it is built (through
 * {@code Emulator.Builder}).
 *
 * @param hostName what gethostname reports; the hosts table maps it to 127.0.0.1
 * @param hosts extra entries of the hosts table, in order
 * @param lookupLatency how long each blocking database call takes (0: it completes at once, never
 *     calling the hook)
 * @param hookRepollInterval how often a blocked call re-runs a custom blocking hook when nothing
 *     else happens, so that a hook can time out with GetTickCount
 * @param repostQuitFromDefaultHook the TwinSock behaviour: when the default hook takes WM_QUIT, the
 *     blocking call is cancelled and WM_QUIT posted again (default: it is dispatched and lost, as the
 *     specification's default hook does)
 * @param maxSockets sockets an application may have open at once (WSAEMFILE beyond)
 * @param maxAsyncRequests WSAAsyncGetXByY requests an application may have outstanding at once
 *     (WSAEWOULDBLOCK beyond); the default, 65535, is no limit beyond the handle space, as on
 *     Windows; a small value lets a test exercise an application's WSAEWOULDBLOCK handling
 */
public record WinsockConfig(
    String hostName,
    List<Host> hosts,
    Duration lookupLatency,
    Duration hookRepollInterval,
    boolean repostQuitFromDefaultHook,
    int maxSockets,
    int maxAsyncRequests) {

  /** How many WSAAsyncGetXByY requests can be outstanding at once: their handles are 1 to 0xFFFF. */
  static final int MAX_ASYNC_HANDLES = 0xFFFF;

  /**
   * A hosts-table entry.
   *
   * @param name the official name
   * @param aliases other names
   * @param addresses dotted IPv4 addresses
   */
  public record Host(String name, List<String> aliases, List<String> addresses) {
    /** Validates and freezes the entry. */
    public Host {
      Objects.requireNonNull(name, "name");
      aliases = List.copyOf(aliases);
      addresses = List.copyOf(addresses);
      for (String address : addresses) {
        if (Addresses.inetAddr(address) == WinSock.INADDR_NONE && !"255.255.255.255".equals(address)) {
          throw new IllegalArgumentException("not a dotted IPv4 address: " + address);
        }
      }
    }
  }

  /**
   * The defaults: host name "wsemu", no extra hosts, no latency, 50 ms re-poll, no TwinSock quit,
   * 32767 sockets, outstanding asynchronous requests limited only by the 65535 request handles.
   */
  public static WinsockConfig defaults() {
    return new WinsockConfig("wsemu", List.of(), Duration.ZERO, Duration.ofMillis(50), false, 32767, MAX_ASYNC_HANDLES);
  }

  /** Validates the settings. */
  public WinsockConfig {
    Objects.requireNonNull(hostName, "hostName");
    hosts = List.copyOf(hosts);
    if (lookupLatency.isNegative()) {
      throw new IllegalArgumentException("lookupLatency < 0: " + lookupLatency);
    }
    if (hookRepollInterval.toMillis() < 1) {
      throw new IllegalArgumentException("hookRepollInterval < 1 ms: " + hookRepollInterval);
    }
    if (maxSockets < 1) {
      throw new IllegalArgumentException("maxSockets < 1: " + maxSockets);
    }
    if (maxAsyncRequests < 1 || maxAsyncRequests > MAX_ASYNC_HANDLES) {
      throw new IllegalArgumentException("maxAsyncRequests not in 1..65535: " + maxAsyncRequests);
    }
  }
}
