package org.wsemu.winsock;

/**
 * {@code struct protoent}: a protocol entry as getprotobyname and getprotobynumber return it.
 *
 * <p>Overwritten by the task's next protocol lookup, as in C. Not thread-safe; owned by one task.
 */
public final class protoent {
  /** Official protocol name. */
  public String p_name;
  /** Alias names. */
  public String[] p_aliases = new String[0];
  /** The protocol number, host order. */
  public int p_proto;

  /** An empty entry: no name, no aliases, protocol 0. */
  public protoent() {}

  /** A summary for traces and messages: {@code protoent(p_name)}. */
  @Override
  public String toString() {
    return "protoent(" + p_name + ")";
  }
}
