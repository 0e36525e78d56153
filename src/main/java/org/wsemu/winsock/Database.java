package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The embedded name database behind the Winsock database functions ({@code gethostbyname},
 * {@code gethostbyaddr}, {@code getservbyname}, {@code getservbyport}, {@code getprotobyname},
 * {@code getprotobynumber}). It never asks real DNS: hosts come from {@link #create}, services and
 * protocols from the tables bundled with the emulator (Windows' {@code services} and {@code
 * protocol} files, see {@link BundledTables}).
 *
 * <p>Every lookup scans its table in order and returns the first match, so table order decides
 * between entries: {@code localhost} comes first among the hosts, and a service's tcp entry comes
 * before its udp entry. Names, aliases and protocol names are compared ignoring case. A lookup that
 * finds nothing, or is given {@code null}, returns {@code null}.
 *
 * <p>Immutable and thread-safe: the tables are fixed when the database is created, and host records
 * are handed out as copies, so callers may share one database between tasks and threads freely.
 */
final class Database {

  private static final String LOCALHOST = "localhost";

  private final List<HostRecord> hosts;
  private final List<ServiceRecord> services;
  private final List<ProtocolRecord> protocols;

  private Database(
      List<HostRecord> hosts, List<ServiceRecord> services, List<ProtocolRecord> protocols) {
    this.hosts = List.copyOf(hosts);
    this.services = services;
    this.protocols = protocols;
  }

  /**
   * A database whose hosts table holds, in this order: {@code localhost} (127.0.0.1); the
   * machine's own name {@code localHostName}, as {@code gethostname} reports it, also at
   * 127.0.0.1 (left out if it is {@code localhost}, ignoring case); then {@code extraHosts} in
   * order. An entry whose name equals an earlier entry's name (ignoring case) is merged into it:
   * its aliases and addresses are appended, leaving out ones already there, so one name can have
   * several addresses.
   *
   * @throws NullPointerException if an argument or an element of {@code extraHosts} is null
   */
  static Database create(String localHostName, List<HostRecord> extraHosts) {
    Objects.requireNonNull(localHostName, "localHostName");
    Objects.requireNonNull(extraHosts, "extraHosts");
    List<HostBuilder> table = new ArrayList<>();
    add(table, new HostRecord(LOCALHOST, List.of(), List.of(loopback())));
    add(table, new HostRecord(localHostName, List.of(), List.of(loopback())));
    for (HostRecord extra : extraHosts) {
      add(table, Objects.requireNonNull(extra, "extra host"));
    }
    List<HostRecord> hosts = table.stream().map(HostBuilder::build).toList();
    return new Database(hosts, BundledTables.SERVICE_RECORDS, BundledTables.PROTOCOL_RECORDS);
  }

  /** A fresh copy of the loopback address, 127.0.0.1, in network byte order. */
  private static byte[] loopback() {
    return new byte[] {127, 0, 0, 1};
  }

  private static void add(List<HostBuilder> table, HostRecord host) {
    for (HostBuilder entry : table) {
      if (entry.name.equalsIgnoreCase(host.name())) {
        entry.merge(host);
        return;
      }
    }
    HostBuilder entry = new HostBuilder(host.name());
    entry.merge(host);
    table.add(entry);
  }

  /** Every host, in table order (copies). */
  List<HostRecord> hosts() {
    return hosts.stream().map(HostRecord::copy).toList();
  }

  /**
   * The first host whose name or alias is {@code name}, ignoring case; {@code null} if none or if
   * {@code name} is null. A dotted address such as {@code "127.0.0.1"} is a name like any other
   * and is not parsed: as Winsock 1.1 specifies, {@code gethostbyname} does not resolve IP address
   * strings.
   */
  HostRecord hostByName(String name) {
    if (name == null) {
      return null;
    }
    for (HostRecord host : hosts) {
      if (host.isNamed(name)) {
        return host.copy();
      }
    }
    return null;
  }

  /**
   * The first host, in table order, that has {@code address} (4 bytes, network byte order) among
   * its addresses; {@code null} if none or if {@code address} is null or not 4 bytes long.
   */
  HostRecord hostByAddress(byte[] address) {
    if (address == null || address.length != HostRecord.ADDRESS_LENGTH) {
      return null;
    }
    for (HostRecord host : hosts) {
      if (host.hasAddress(address)) {
        return host.copy();
      }
    }
    return null;
  }

  /**
   * The first service whose name or alias is {@code name}, ignoring case, for {@code protocol}
   * (ignoring case; {@code null} means any protocol, which finds tcp before udp); {@code null} if
   * none or if {@code name} is null.
   */
  ServiceRecord serviceByName(String name, String protocol) {
    if (name == null) {
      return null;
    }
    for (ServiceRecord service : services) {
      if (service.isNamed(name) && service.isFor(protocol)) {
        return service;
      }
    }
    return null;
  }

  /**
   * The first service on {@code port} (HOST byte order) for {@code protocol} (ignoring case;
   * {@code null} means any protocol, which finds tcp before udp); {@code null} if none.
   */
  ServiceRecord serviceByPort(int port, String protocol) {
    for (ServiceRecord service : services) {
      if (service.port() == port && service.isFor(protocol)) {
        return service;
      }
    }
    return null;
  }

  /**
   * The protocol whose name or alias is {@code name}, ignoring case; {@code null} if none or if
   * {@code name} is null.
   */
  ProtocolRecord protocolByName(String name) {
    if (name == null) {
      return null;
    }
    for (ProtocolRecord protocol : protocols) {
      if (protocol.isNamed(name)) {
        return protocol;
      }
    }
    return null;
  }

  /** The protocol numbered {@code number}; {@code null} if none. */
  ProtocolRecord protocolByNumber(int number) {
    for (ProtocolRecord protocol : protocols) {
      if (protocol.number() == number) {
        return protocol;
      }
    }
    return null;
  }

  /** A hosts-table entry while {@link #create} merges same-named hosts into it. */
  private static final class HostBuilder {
    private final String name;
    private final List<String> aliases = new ArrayList<>();
    private final List<byte[]> addresses = new ArrayList<>();

    HostBuilder(String name) {
      this.name = name;
    }

    void merge(HostRecord host) {
      for (String alias : host.aliases()) {
        if (!isNamed(alias)) {
          aliases.add(alias);
        }
      }
      for (byte[] address : host.addresses()) {
        if (addresses.stream().noneMatch(known -> Arrays.equals(known, address))) {
          addresses.add(address);
        }
      }
    }

    private boolean isNamed(String candidate) {
      return name.equalsIgnoreCase(candidate)
          || aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(candidate));
    }

    HostRecord build() {
      return new HostRecord(name, aliases, addresses);
    }
  }
}
