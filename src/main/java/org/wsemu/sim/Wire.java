package org.wsemu.sim;

import org.wsemu.internal.GuardedBy;
import org.wsemu.net.NetError;

/**
 * One TCP connection between two endpoints: it takes segments out of one end's {@link TcpStream}
 * and delivers them, the urgent mark, the FIN and a RST into the other's, over their link, under
 * flow control (a sender never has more on the way than the receiver's buffer can still take), and
 * applies a reset-after-N-bytes fault.
 */
@GuardedBy("SimNetworkState.lock")
final class Wire {
  private final SimNetworkState net;
  private final SimTcpEndpoint client;
  private final SimTcpEndpoint server;
  private final LinkState toServer;
  private final LinkState toClient;
  /** Bytes (both directions) before a fault resets the connection; -1 for none. */
  long resetBudget = -1;

  Wire(SimNetworkState net, SimTcpEndpoint client, SimTcpEndpoint server) {
    this.net = net;
    this.client = client;
    this.server = server;
    this.toServer = net.topology.link(client.host, server.host);
    this.toClient = net.topology.link(server.host, client.host);
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
    TcpStream out = from.stream;
    if (out.isDead()) {
      return;
    }
    SimTcpEndpoint to = other(from);
    boolean moved = false;
    for (TcpStream.Segment segment; (segment = out.nextSegment(to.receiveWindow())) != null; ) {
      moved = true;
      int n = segment.data().length;
      if (net.tracesSegments()) {
        net.net("segment", "from", from.label(), "to", to.label(), "len", n);
      }
      TcpStream.Segment sent = segment;
      net.send(linkFrom(from), n, to, to.stream.throttle(), () -> arriveData(to, sent));
    }
    if (out.finDue()) {
      net.net("fin", "from", from.label(), "to", to.label());
      net.send(linkFrom(from), 0, to, null, () -> arriveFin(to));
    }
    if (moved) {
      from.changed();
    }
  }

  private void arriveData(SimTcpEndpoint to, TcpStream.Segment segment) {
    SimTcpEndpoint from = other(to);
    byte[] data = segment.data();
    if (from.stream.acknowledged(data.length)) {
      from.changed(); // everything it wrote is there: a lingering close may end
    }
    if (to.wire != this || to.stream.isDead()) {
      return;
    }
    int len = data.length;
    boolean budgetSpent = false;
    if (resetBudget >= 0) {
      len = (int) Math.min(len, resetBudget);
      resetBudget -= len;
      budgetSpent = resetBudget == 0;
    }
    if (len > 0 && (to.state == SimTcpEndpoint.State.CLOSED || to.stream.inputShut())) {
      reset(to, to.stream.inputShut() ? "data after shutdown(SD_RECEIVE)" : "data for a closed socket");
      return;
    }
    int mark = segment.urgentIndex() < len ? segment.urgentIndex() : -1;
    to.stream.arrive(data, len, mark, to.oobInline());
    to.changed();
    to.arrivals.arrived();
    if (mark >= 0) {
      pump(from); // the urgent byte left the buffer: the window grew
    }
    if (budgetSpent) {
      breakConnection("reset after the byte budget was spent");
    }
  }

  private void arriveFin(SimTcpEndpoint to) {
    if (to.wire != this || to.stream.isDead()) {
      return;
    }
    to.stream.finArrived();
    to.changed();
    to.arrivals.arrived();
  }

  /** {@code from} resets the connection: its buffers go, and a RST travels to the other end. */
  void reset(SimTcpEndpoint from, String why) {
    if (from.stream.isDead()) {
      return;
    }
    SimTcpEndpoint to = other(from);
    kill(from, NetError.ABORTED);
    net.net("rst", "from", from.label(), "to", to.label(), "why", why);
    net.send(linkFrom(from), 0, to, null, () -> arriveRst(to));
  }

  /** A RST for {@code to} from a connection attempt its peer abandoned. */
  void resetFromAbandoned(SimTcpEndpoint to) {
    net.net("rst", "from", other(to).label(), "to", to.label(), "why", "connect abandoned");
    net.send(linkFrom(other(to)), 0, to, null, () -> arriveRst(to));
  }

  private void arriveRst(SimTcpEndpoint to) {
    if (to.wire == this && !to.stream.isDead()) {
      kill(to, NetError.RESET);
    }
  }

  /** A fault resets both ends at once, as a middlebox would. */
  void breakConnection(String why) {
    net.fault("reset", "conn", client.label() + "<->" + server.label(), "why", why);
    if (client.wire == this && !client.stream.isDead()) {
      kill(client, NetError.RESET);
    }
    if (!server.stream.isDead()) {
      kill(server, NetError.RESET);
    }
  }

  private static void kill(SimTcpEndpoint end, NetError why) {
    end.stream.kill(why);
    end.changed();
    end.arrivals.arrived();
  }
}
