package org.wsemu.winsock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The services and protocols tables that {@link Database} answers from: the entries of Windows'
 * {@code %SystemRoot%\system32\drivers\etc\services} (the ports below 1024, in the file's order)
 * and {@code protocol} files, without their comments. Parsed once; the lists are immutable.
 */
final class BundledTables {

  /** {@code <name> <port>/<protocol> [aliases...]}, one entry a line, tcp before udp. */
  private static final String SERVICES = """
      echo                7/tcp
      echo                7/udp
      discard             9/tcp    sink null
      discard             9/udp    sink null
      systat             11/tcp    users
      systat             11/udp    users
      daytime            13/tcp
      daytime            13/udp
      qotd               17/tcp    quote
      qotd               17/udp    quote
      chargen            19/tcp    ttytst source
      chargen            19/udp    ttytst source
      ftp-data           20/tcp
      ftp                21/tcp
      ssh                22/tcp
      telnet             23/tcp
      smtp               25/tcp    mail
      time               37/tcp    timserver
      time               37/udp    timserver
      rlp                39/udp    resource
      nameserver         42/tcp    name
      nameserver         42/udp    name
      nicname            43/tcp    whois
      domain             53/tcp
      domain             53/udp
      bootps             67/udp    dhcps
      bootpc             68/udp    dhcpc
      tftp               69/udp
      gopher             70/tcp
      finger             79/tcp
      http               80/tcp    www www-http
      hosts2-ns          81/tcp
      hosts2-ns          81/udp
      kerberos           88/tcp    krb5 kerberos-sec
      kerberos           88/udp    krb5 kerberos-sec
      hostname          101/tcp    hostnames
      iso-tsap          102/tcp
      rtelnet           107/tcp
      pop2              109/tcp    postoffice
      pop3              110/tcp
      sunrpc            111/tcp    rpcbind portmap
      sunrpc            111/udp    rpcbind portmap
      auth              113/tcp    ident tap
      uucp-path         117/tcp
      sqlserv           118/tcp
      nntp              119/tcp    usenet
      ntp               123/udp
      epmap             135/tcp    loc-srv
      epmap             135/udp    loc-srv
      netbios-ns        137/tcp    nbname
      netbios-ns        137/udp    nbname
      netbios-dgm       138/udp    nbdatagram
      netbios-ssn       139/tcp    nbsession
      imap              143/tcp    imap4
      sql-net           150/tcp
      sqlsrv            156/tcp
      pcmail-srv        158/tcp
      snmp              161/udp
      snmptrap          162/udp    snmp-trap
      print-srv         170/tcp
      bgp               179/tcp
      irc               194/tcp
      ipx               213/udp
      rtsps             322/tcp
      rtsps             322/udp
      mftp              349/tcp
      mftp              349/udp
      ldap              389/tcp
      https             443/tcp    MCom
      https             443/udp    MCom
      microsoft-ds      445/tcp
      microsoft-ds      445/udp
      kpasswd           464/tcp
      kpasswd           464/udp
      isakmp            500/udp    ike
      crs               507/tcp
      crs               507/udp
      exec              512/tcp
      biff              512/udp    comsat
      login             513/tcp
      who               513/udp    whod
      cmd               514/tcp    shell
      syslog            514/udp
      printer           515/tcp    spooler
      talk              517/udp
      ntalk             518/udp
      efs               520/tcp
      router            520/udp    route routed
      ulp               522/tcp
      ulp               522/udp
      timed             525/udp    timeserver
      tempo             526/tcp    newdate
      irc-serv          529/tcp
      irc-serv          529/udp
      courier           530/tcp    rpc
      conference        531/tcp    chat
      netnews           532/tcp    readnews
      uucp              540/tcp    uucpd
      klogin            543/tcp
      kshell            544/tcp    krcmd
      dhcpv6-client     546/tcp
      dhcpv6-client     546/udp
      dhcpv6-server     547/tcp
      dhcpv6-server     547/udp
      afpovertcp        548/tcp
      afpovertcp        548/udp
      new-rwho          550/udp    new-who
      rtsp              554/tcp
      rtsp              554/udp
      remotefs          556/tcp    rfs rfs_server
      rmonitor          560/udp    rmonitord
      monitor           561/udp
      nntps             563/tcp    snntp
      nntps             563/udp    snntp
      whoami            565/tcp
      whoami            565/udp
      ms-shuttle        568/tcp
      ms-shuttle        568/udp
      ms-rome           569/tcp
      ms-rome           569/udp
      http-rpc-epmap    593/tcp
      http-rpc-epmap    593/udp
      hmmp-ind          612/tcp
      hmmp-ind          612/udp
      hmmp-op           613/tcp
      hmmp-op           613/udp
      ldaps             636/tcp    sldap
      doom              666/tcp
      doom              666/udp
      msexch-routing    691/tcp
      msexch-routing    691/udp
      kerberos-adm      749/tcp
      kerberos-adm      749/udp
      kerberos-iv       750/udp
      mdbs_daemon       800/tcp
      mdbs_daemon       800/udp
      ftps-data         989/tcp
      ftps              990/tcp
      telnets           992/tcp
      imaps             993/tcp
      ircs              994/tcp
      pop3s             995/tcp    spop3
      pop3s             995/udp    spop3
      """;

  /** {@code <name> <number> [aliases...]}, one entry a line. */
  private static final String PROTOCOLS = """
      ip          0    IP
      icmp        1    ICMP
      ggp         3    GGP
      tcp         6    TCP
      egp         8    EGP
      pup        12    PUP
      udp        17    UDP
      hmp        20    HMP
      xns-idp    22    XNS-IDP
      rdp        27    RDP
      ipv6       41    IPv6
      ipv6-route 43    IPv6-Route
      ipv6-frag  44    IPv6-Frag
      esp        50    ESP
      ah         51    AH
      ipv6-icmp  58    IPv6-ICMP
      ipv6-nonxt 59    IPv6-NoNxt
      ipv6-opts  60    IPv6-Opts
      rvd        66    RVD
      """;

  /** The services table, in the file's order. */
  static final List<ServiceRecord> SERVICE_RECORDS = parseServices(SERVICES);

  /** The protocols table, in the file's order. */
  static final List<ProtocolRecord> PROTOCOL_RECORDS = parseProtocols(PROTOCOLS);

  private BundledTables() {}

  private static List<ServiceRecord> parseServices(String table) {
    List<ServiceRecord> records = new ArrayList<>();
    for (String[] fields : rows(table)) {
      String[] portAndProtocol = fields[1].split("/");
      if (portAndProtocol.length != 2) {
        throw new IllegalStateException("not <port>/<protocol>: " + fields[1]);
      }
      records.add(
          new ServiceRecord(
              fields[0],
              aliases(fields),
              Integer.parseInt(portAndProtocol[0]),
              portAndProtocol[1]));
    }
    return List.copyOf(records);
  }

  private static List<ProtocolRecord> parseProtocols(String table) {
    List<ProtocolRecord> records = new ArrayList<>();
    for (String[] fields : rows(table)) {
      records.add(new ProtocolRecord(fields[0], aliases(fields), Integer.parseInt(fields[1])));
    }
    return List.copyOf(records);
  }

  private static List<String[]> rows(String table) {
    List<String[]> rows = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length < 2) {
        throw new IllegalStateException("fewer than 2 fields: " + line);
      }
      rows.add(fields);
    }
    return rows;
  }

  private static List<String> aliases(String[] fields) {
    return Arrays.asList(fields).subList(2, fields.length);
  }
}
