package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAHOST_NOT_FOUND;
import static org.wsemu.winsock.WinSock.WSANO_DATA;

import java.util.List;

/**
 * The database functions' answers, copied into the calling task's own hostent, servent and
 * protoent (Winsock's "static buffer" per task: the next lookup of the same kind overwrites it).
 */
final class Lookups {
  private final Database database;

  Lookups(Database database) {
    this.database = database;
  }

  Database database() {
    return database;
  }

  /** Host by name: 0 (the task's hostent filled) or -WSAHOST_NOT_FOUND. */
  int hostByName(TaskWinsockState task, String name) {
    return host(task, database.hostByName(name));
  }

  /** Host by address (4 bytes, network order): 0 or -WSAHOST_NOT_FOUND. */
  int hostByAddress(TaskWinsockState task, byte[] address) {
    return host(task, database.hostByAddress(address));
  }

  private static int host(TaskWinsockState task, HostRecord record) {
    if (record == null) {
      return -WSAHOST_NOT_FOUND;
    }
    hostent out = task.hostent;
    out.h_name = record.name();
    out.h_aliases = record.aliases().toArray(new String[0]);
    out.h_addrtype = WinSock.AF_INET;
    out.h_length = 4;
    List<byte[]> addresses = record.addresses();
    out.h_addr_list = new byte[addresses.size()][];
    for (int i = 0; i < addresses.size(); i++) {
      out.h_addr_list[i] = addresses.get(i).clone();
    }
    return 0;
  }

  /** Service by name: 0 or -WSANO_DATA. */
  int serviceByName(TaskWinsockState task, String name, String protocol) {
    return service(task, database.serviceByName(name, protocol));
  }

  /** Service by port (host order): 0 or -WSANO_DATA. */
  int serviceByPort(TaskWinsockState task, int port, String protocol) {
    return service(task, database.serviceByPort(port, protocol));
  }

  private static int service(TaskWinsockState task, ServiceRecord record) {
    if (record == null) {
      return -WSANO_DATA;
    }
    servent out = task.servent;
    out.s_name = record.name();
    out.s_aliases = record.aliases().toArray(new String[0]);
    out.s_port = WinSock.htons(record.port());
    out.s_proto = record.protocol();
    return 0;
  }

  /** Protocol by name: 0 or -WSANO_DATA. */
  int protocolByName(TaskWinsockState task, String name) {
    return protocol(task, database.protocolByName(name));
  }

  /** Protocol by number: 0 or -WSANO_DATA. */
  int protocolByNumber(TaskWinsockState task, int number) {
    return protocol(task, database.protocolByNumber(number));
  }

  private static int protocol(TaskWinsockState task, ProtocolRecord record) {
    if (record == null) {
      return -WSANO_DATA;
    }
    protoent out = task.protoent;
    out.p_name = record.name();
    out.p_aliases = record.aliases().toArray(new String[0]);
    out.p_proto = record.number();
    return 0;
  }
}
