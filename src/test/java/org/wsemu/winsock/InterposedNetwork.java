package org.wsemu.winsock;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.wsemu.net.Network;
import org.wsemu.net.NetworkEnvironment;
import org.wsemu.net.NetworkFactory;
import org.wsemu.net.TcpEndpoint;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.testing.ForwardingNetwork;
import org.wsemu.testing.ForwardingNetworkFactory;
import org.wsemu.testing.World;

/**
 * A world's network with a seam in it: the next call of one {@link TcpEndpoint} method runs a
 * test's action first, on the calling thread, then goes on to the real endpoint. It puts another
 * task's call (a closesocket, say) at an exact point inside an emulated call, where a real race
 * would only land now and then.
 *
 * <p>Thread-safe.
 */
final class InterposedNetwork extends ForwardingNetworkFactory {
  private final AtomicReference<String> method = new AtomicReference<>();
  private final AtomicReference<Runnable> action = new AtomicReference<>();

  private InterposedNetwork(NetworkFactory inner) {
    super(inner);
  }

  /** The network of {@code world} (a fresh simulated one, or the real one) with a seam. */
  static InterposedNetwork of(World world) {
    return new InterposedNetwork(world.simulated() ? world.newNetwork() : new RealNetwork());
  }

  /** The next call of the endpoint method {@code name}, on any TCP endpoint, first runs {@code first}. */
  void beforeNext(String name, Runnable first) {
    action.set(first);
    method.set(name);
  }

  @Override
  public Network create(NetworkEnvironment environment) {
    return new ForwardingNetwork(super.create(environment)) {
      @Override
      public TcpEndpoint openTcp() {
        TcpEndpoint endpoint = super.openTcp();
        return endpoint == null ? null : interposed(endpoint);
      }
    };
  }

  private TcpEndpoint interposed(TcpEndpoint endpoint) {
    InvocationHandler handler = (proxy, called, args) -> {
      if (called.getName().equals(method.get()) && method.compareAndSet(called.getName(), null)) {
        action.getAndSet(null).run();
      }
      try {
        Object result = called.invoke(endpoint, args);
        return result instanceof TcpEndpoint accepted ? interposed(accepted) : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (TcpEndpoint) Proxy.newProxyInstance(TcpEndpoint.class.getClassLoader(), new Class<?>[] {TcpEndpoint.class}, handler);
  }
}
