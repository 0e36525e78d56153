package org.wsemu.winsock;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.wsemu.net.NetException;
import org.wsemu.net.TcpEndpoint;

/**
 * A {@link TcpEndpoint} for unit tests of the socket's parts: each method answers, in turn, what
 * the test scripted for it ({@link #answers}: an {@code Integer}, a {@code TcpEndpoint}, null, or
 * a {@link NetException} to throw), and records every call with its arguments
 * ({@code "close[true]"}). A method with nothing scripted fails the test.
 *
 * <p>Not thread-safe: for one test thread.
 */
final class ScriptedTcpEndpoint {
  private final Map<String, LinkedList<Object>> script = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  final TcpEndpoint endpoint = (TcpEndpoint) Proxy.newProxyInstance(TcpEndpoint.class.getClassLoader(),
      new Class<?>[] {TcpEndpoint.class}, (proxy, method, args) -> {
        calls.add(method.getName() + (args == null ? "" : Arrays.toString(args)));
        LinkedList<Object> next = script.get(method.getName());
        if (next == null || next.isEmpty()) {
          throw new AssertionError("unexpected call of " + method.getName());
        }
        Object answer = next.poll();
        if (answer instanceof NetException e) {
          throw e;
        }
        return answer;
      });

  /** Scripts the next answers of {@code method}, in order. */
  ScriptedTcpEndpoint answers(String method, Object... results) {
    script.computeIfAbsent(method, m -> new LinkedList<>()).addAll(Arrays.asList(results));
    return this;
  }

  /** The calls so far, in order, each as its method's name and arguments. */
  List<String> calls() {
    return List.copyOf(calls);
  }
}
