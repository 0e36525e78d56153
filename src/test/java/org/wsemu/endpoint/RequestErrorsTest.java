package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.endpoint.EndpointTestSupport.*;
import static org.wsemu.winsock.WinSock.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.linger;
import org.wsemu.winsock.sockaddr_in;

/** The result codes of requests made in the wrong state, and of the Winsock errors a request meets. */
@Timeout(30)
class RequestErrorsTest {

  @World.AllWorlds
  void requestsInTheWrongStateFailWithTheirCodes(World world) throws Exception {
    Emus.run(world.builder(), (emu, ws, user) -> {
      Endpoint ep = Endpoint.Instantiate(ws, user, emu.trace());
      try {
        assertEquals(EndpointState.UNBOUND, ep.State());
        assertEquals(kCommErrNotBound, code(() -> ep.Connect(loopback(9), null)));
        assertEquals(kCommErrNotBound, code(() -> ep.Listen(null)));
        assertEquals(kCommErrNotBound, code(() -> ep.UnBind(null)));
        assertEquals(kCommErrNotConnected, code(() -> ep.Output(ascii("x"), null)));
        assertEquals(kCommErrNotConnected, code(() -> ep.Input(InputSpec.byteCount(1), null)));
        assertEquals(kCommErrNotConnected, code(() -> ep.Disconnect(true, null)));
        assertEquals(kCommErrNotConnected, code(() -> ep.Disconnect(false, null)));
        ep.Bind(null, null);
        assertEquals(EndpointState.BOUND, ep.State());
        assertEquals(kCommErrAlreadyBound, code(() -> ep.Bind(null, null)));
        assertEquals(kCommErrBadCommand, code(() -> ep.Accept(null)), "Accept before a Listen completed");
        Log log = new Log(user);
        ep.Output(ascii("x"), log.async("Output"));
        pumpUntil(user, () -> log.has("Output"));
        assertEquals(List.of("Output -16009"), log.entries(), "an async request's failure arrives through its script");
        ep.UnBind(null);
        assertEquals(EndpointState.UNBOUND, ep.State());
        ep.Bind(null, null);
      } finally {
        ep.Dispose();
      }
      return 0;
    });
  }

  @World.AllWorlds
  void requestsOnAConnectedEndpointThatDoNotFitFail(World world) throws Exception {
    onPair(world, st -> {
      assertEquals(kCommErrAlreadyConnected, code(() -> st.client.Connect(loopback(9), null)));
      assertEquals(kCommErrAlreadyConnected, code(() -> st.client.Listen(null)));
      assertEquals(kCommErrAlreadyConnected, code(() -> st.server.Accept(null)));
      assertEquals(kCommErrBadCommand, code(() -> st.client.UnBind(null)), "Disconnect first");
    });
  }

  @World.AllWorlds
  void aRefusedConnectFailsWithNoConnectionEndAndLeavesTheEndpointBound(World world) throws Exception {
    Emus.run(world.builder(), (emu, ws, user) -> {
      Endpoint ep = Endpoint.Instantiate(ws, user, emu.trace()); // WSAStartup for the task
      int s = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.bind(s, loopback(0), sockaddr_in.SIZE); // bound, never listening: connections are refused
      sockaddr_in closed = new sockaddr_in();
      ws.getsockname(s, closed, new IntRef(sockaddr_in.SIZE));
      try {
        ep.Bind(null, null);
        assertEquals(kCommErrNoConnectionEnd, code(() -> ep.Connect(closed, null)));
        assertEquals(EndpointState.BOUND, ep.State());
      } finally {
        ep.Dispose();
        ws.closesocket(s);
      }
      return 0;
    });
  }

  @World.AllWorlds
  void aResetConnectionEndsThePendingInputWithConnectionAborted(World world) throws Exception {
    Emus.run(world.builder(), (emu, ws, user) -> {
      Endpoint ep = Endpoint.Instantiate(ws, user, emu.trace()); // WSAStartup for the task
      int listener = ws.socket(AF_INET, SOCK_STREAM, 0);
      ws.bind(listener, loopback(0), sockaddr_in.SIZE);
      ws.listen(listener, 1);
      sockaddr_in address = new sockaddr_in();
      ws.getsockname(listener, address, new IntRef(sockaddr_in.SIZE));
      try {
        ep.Bind(null, null);
        ep.Connect(address, null);
        int peer = ws.accept(listener, null, null);
        Log log = new Log(user);
        ep.Input(InputSpec.byteCount(4), log.async("Input"));
        ws.setsockopt(peer, SOL_SOCKET, SO_LINGER, new linger(1, 0), linger.SIZE);
        ws.closesocket(peer); // abortive: a reset
        pumpUntil(user, () -> log.has("Input"));
        assertEquals(List.of("Input -16013"), log.entries());
        assertEquals(EndpointState.DISCONNECTED, ep.State());
        ep.UnBind(null);
      } finally {
        ep.Dispose();
        ws.closesocket(listener);
      }
      return 0;
    });
  }

  @Test
  void winsockErrorsMapToTheDocumentedCodes() {
    assertEquals(0, fromWinsock(0));
    assertEquals(kCommErrNoConnectionEnd, fromWinsock(WSAECONNREFUSED));
    assertEquals(kCommErrNoConnectionEnd, fromWinsock(WSAEHOSTUNREACH));
    assertEquals(kCommErrConnectionAborted, fromWinsock(WSAECONNRESET));
    assertEquals(kCommErrConnectionAborted, fromWinsock(WSAECONNABORTED));
    assertEquals(kCommErrRetransLimitReached, fromWinsock(WSAETIMEDOUT));
    assertEquals(kCommErrNotConnected, fromWinsock(WSAENOTCONN));
    assertEquals(kCommErrAlreadyConnected, fromWinsock(WSAEISCONN));
    assertEquals(kCommErrResourceNotAvailable, fromWinsock(WSAEADDRINUSE));
    assertEquals(kCommErrResourceNotAvailable, fromWinsock(WSAENETDOWN));
    assertEquals(kCommErrBadParameter, fromWinsock(WSAEINVAL));
    assertEquals(kCommErrToolBusy, fromWinsock(WSAEINPROGRESS));
    assertEquals(kCommErrRequestCanceled, fromWinsock(WSAEINTR));
    assertEquals(-WSAEMSGSIZE, fromWinsock(WSAEMSGSIZE), "any other: negated");
    assertEquals(-16005, kCommErrRequestCanceled);
    assertEquals(-36003, TACCESS);
    assertEquals(TACCESS, kErrCancelInProgress);
    assertEquals("TACCESS", name(-36003));
    assertEquals("kCommErrRequestCanceled", name(-16005));
    assertEquals("-10040", name(-10040));
  }
}
