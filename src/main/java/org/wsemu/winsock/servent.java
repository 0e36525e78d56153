package org.wsemu.winsock;

/**
 * {@code struct servent}: a service entry as getservbyname and getservbyport return it.
 * {@code s_port} is in network order ({@code ntohs(se.s_port)} is the port number).
 *
 * <p>Overwritten by the task's next service lookup, as in C. Not thread-safe; owned by one task.
 */
public final class servent {
  /** Official service name. */
  public String s_name;
  /** Alias names. */
  public String[] s_aliases = new String[0];
  /** The port, network order. */
  public int s_port;
  /** The protocol, "tcp" or "udp". */
  public String s_proto;

  /** An empty entry: no name, no aliases, port 0. */
  public servent() {}

  /** A summary for traces and messages: {@code servent(s_name/s_proto)}. */
  @Override
  public String toString() {
    return "servent(" + s_name + "/" + s_proto + ")";
  }
}
