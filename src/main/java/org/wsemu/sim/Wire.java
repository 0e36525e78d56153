package org.wsemu.sim;

import org.wsemu.net.NetError;

/**
 * One TCP connection between two endpoints: it moves data segments, the urgent mark, FIN and RST
 * from one end to the other over their link, under flow control (a sender never has more on the
 * way than the receiver's buffer can still take), and applies a reset-after-N-bytes fault.
 *
 * <p>Not thread-safe; the network's lock guards it.
 */
final class Wire {
  private final SimNet net;
  private final SimTcpEndpoint client;
  private final SimTcpEndpoint server;
  private final LinkState toServer;
  private final LinkState toClient;
  /** Bytes (both directions) before a fault resets the connection; -1 for none. */
  long resetBudget = -1;

  Wire(SimNet net, SimTcpEndpoint client, SimTcpEndpoint server) {
    this.net = net;
    this.client = client;
    this.server = server;
    this.toServer = net.link(client.host, server.host);
    this.toClient = net.link(server.host, client.host);
    server.wire = this; // the client joins when the SYN-ACK reaches it
  }

  SimTcpEndpoint other(SimTcpEndpoint end) {
    return end == client ? server : client;
  }

  private LinkState linkFrom(SimTcpEndpoint end) {
    return end == client ? toServer : toClient;
  }

  /** Sends what {@code from}'s send buffer holds, as far as the other end's window allows, then the FIN if asked. */
  void pump(SimTcpEndpoint from) {
    if (from.dead) {
      return;
    }
    SimTcpEndpoint to = other(from);
    boolean moved = false;
    while (!from.sendBuf.isEmpty()) {
      int window = to.receiveWindow() - from.inflight;
      if (window <= 0) {
        break;
      }
      int n = Math.min(SimNet.MSS, Math.min(from.sendBuf.size(), window));
      int urgentIndex = -1;
      if (from.urgentSeq >= from.transmitted && from.urgentSeq < from.transmitted + n) {
        urgentIndex = (int) (from.urgentSeq - from.transmitted);
        from.urgentSeq = -1;
      }
      byte[] chunk = from.sendBuf.take(n);
      from.transmitted += n;
      from.inflight += n;
      moved = true;
      int mark = urgentIndex;
      if (net.tracesSegments()) {
        net.net("segment", "from", from.label(), "to", to.label(), "len", n);
      }
      net.send(linkFrom(from), n, true, to.inThrottle, () -> arriveData(to, chunk, mark));
    }
    if (from.sendBuf.isEmpty() && from.finWanted && !from.finSent) {
      from.finSent = true;
      net.net("fin", "from", from.label(), "to", to.label());
      net.send(linkFrom(from), 0, true, null, () -> arriveFin(to));
    }
    if (moved) {
      from.changed();
    }
  }

  private void arriveData(SimTcpEndpoint to, byte[] chunk, int urgentIndex) {
    SimTcpEndpoint from = other(to);
    from.inflight -= chunk.length;
    if (from.inflight == 0 && from.sendBuf.isEmpty()) {
      from.changed(); // everything it wrote is there: a lingering close may end
    }
    if (to.wire != this || to.dead) {
      return;
    }
    int len = chunk.length;
    boolean budgetSpent = false;
    if (resetBudget >= 0) {
      len = (int) Math.min(len, resetBudget);
      resetBudget -= len;
      budgetSpent = resetBudget == 0;
    }
    if (len > 0 && (to.state == SimTcpEndpoint.State.CLOSED || to.inputShut)) {
      reset(to, to.inputShut ? "data after shutdown(SD_RECEIVE)" : "data for a closed socket");
      return;
    }
    int mark = urgentIndex < len ? urgentIndex : -1;
    if (mark >= 0 && !to.oobInline()) {
      to.urgentByte = chunk[mark] & 0xFF;
      to.rcvBuf.put(chunk, 0, mark);
      to.rcvBuf.put(chunk, mark + 1, len - mark - 1);
    } else {
      if (mark >= 0) {
        to.markAt = to.rcvBuf.size() + mark;
      }
      to.rcvBuf.put(chunk, 0, len);
    }
    to.changed();
    to.arrived();
    if (mark >= 0) {
      pump(from); // the urgent byte left the buffer: the window grew
    }
    if (budgetSpent) {
      breakConnection("reset after the byte budget was spent");
    }
  }

  private void arriveFin(SimTcpEndpoint to) {
    if (to.wire != this || to.dead) {
      return;
    }
    to.eof = true;
    to.changed();
    to.arrived();
  }

  /** {@code from} resets the connection: its buffers go, and a RST travels to the other end. */
  void reset(SimTcpEndpoint from, String why) {
    if (from.dead) {
      return;
    }
    SimTcpEndpoint to = other(from);
    kill(from, NetError.ABORTED);
    net.net("rst", "from", from.label(), "to", to.label(), "why", why);
    net.send(linkFrom(from), 0, true, null, () -> arriveRst(to));
  }

  /** A RST for {@code to} from a connection attempt its peer abandoned. */
  void resetFromAbandoned(SimTcpEndpoint to) {
    net.net("rst", "from", other(to).label(), "to", to.label(), "why", "connect abandoned");
    net.send(linkFrom(other(to)), 0, true, null, () -> arriveRst(to));
  }

  private void arriveRst(SimTcpEndpoint to) {
    if (to.wire == this && !to.dead) {
      kill(to, NetError.RESET);
    }
  }

  /** A fault resets both ends at once, as a middlebox would. */
  void breakConnection(String why) {
    net.fault("reset", "conn", client.label() + "<->" + server.label(), "why", why);
    if (client.wire == this && !client.dead) {
      kill(client, NetError.RESET);
    }
    if (!server.dead) {
      kill(server, NetError.RESET);
    }
  }

  private static void kill(SimTcpEndpoint end, NetError code) {
    end.dead = true;
    end.error = code;
    end.sendBuf.clear();
    end.rcvBuf.clear();
    end.urgentByte = -1;
    end.markAt = -1;
    end.changed();
    end.arrived();
  }
}
