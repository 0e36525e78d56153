package org.wsemu.winsock;

/**
 * {@code struct hostent}: a host entry as gethostbyname and gethostbyaddr return it. Addresses are
 * 4-byte arrays in network order.
 *
 * <p>Winsock's rule applies: the structure belongs to Windows Sockets, one per task, and is
 * overwritten by the task's next host lookup; copy what you need before the next call, as a C
 * program must.
 *
 * <p>Not thread-safe; owned by one task.
 */
public final class hostent {
  /** Official name of the host. */
  public String h_name;
  /** Alias names (empty when there are none: C's list ends with NULL). */
  public String[] h_aliases = new String[0];
  /** Address type: {@code AF_INET}. */
  public short h_addrtype;
  /** Length of each address: 4. */
  public short h_length;
  /** The addresses, each 4 bytes in network order. */
  public byte[][] h_addr_list = new byte[0][];

  /** An empty entry: no name, no aliases, no addresses. */
  public hostent() {}

  /** {@code h_addr}, the first address ({@code #define h_addr h_addr_list[0]}), or null. */
  public byte[] h_addr() {
    return h_addr_list.length == 0 ? null : h_addr_list[0];
  }

  /** A summary for traces and messages: {@code hostent(h_name)}. */
  @Override
  public String toString() {
    return "hostent(" + h_name + ")";
  }
}
