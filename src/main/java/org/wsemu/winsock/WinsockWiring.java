package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.List;
import org.wsemu.kernel.Kernel;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkFactory;
import org.wsemu.net.NetworkHost;
import org.wsemu.user.User;

/**
 * Internal: the wiring entry of the Winsock layer, for {@link org.wsemu.Emulator} only;
 * applications call {@code Emulator.winsock()}. It is public because the emulator is in another
 * package, but it is not part of the API: it takes the kernel, whose package the module does not
 * export, so on the module path no code outside wsemu can call it, and on the class path it may
 * change without notice.
 *
 * <p>Thread-safe.
 */
public final class WinsockWiring {
  private WinsockWiring() {}

  /**
   * Installs Windows Sockets on a kernel that already has USER.
   *
   * @param network the emulator's network, or null for none (socket() then fails with WSAENETDOWN;
   *     the database functions still work); its hosts join the hosts table after the config's
   * @return the Winsock functions for that kernel's tasks
   */
  @SuppressWarnings("exports") // Kernel is internal, and so is this method
  public static WinsockApi install(Kernel kernel, User user, NetworkFactory network, WinsockConfig config) {
    Network created = network == null ? null : network.create(new KernelEnvironment(kernel));
    WinsockInstance core = new WinsockInstance(kernel, created, config);
    BlockingHook defaultHook = new DefaultBlockingHook(user, () -> {
      var me = kernel.current();
      if (me != null) {
        WinsockFunctions.cancel(core.task(me));
      }
    }, config.repostQuitFromDefaultHook());
    core.engine = new BlockingEngine(kernel, defaultHook, config.hookRepollInterval().toMillis());
    core.user = user;
    core.resolver = new AsyncResolver(kernel, user, config.lookupLatency().toMillis());
    List<HostRecord> hosts = new ArrayList<>();
    for (WinsockConfig.Host host : config.hosts()) {
      List<byte[]> addresses = new ArrayList<>();
      for (String dotted : host.addresses()) {
        in_addr address = new in_addr(Addresses.inetAddr(dotted));
        addresses.add(address.bytes());
      }
      hosts.add(new HostRecord(host.name(), host.aliases(), addresses));
    }
    for (NetworkHost host : network == null ? List.<NetworkHost>of() : network.hosts()) {
      hosts.add(new HostRecord(host.name(), host.aliases(), List.of(Addresses.bytes(host.address()))));
    }
    return new WinsockFunctions(core, new Lookups(Database.create(config.hostName(), hosts)));
  }
}
