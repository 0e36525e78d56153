package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.CommErrors.kCommErrRequestCanceled;
import static org.wsemu.endpoint.EndpointTestSupport.*;
import static org.wsemu.winsock.WinSock.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Request time-outs: an expired reqTimeout cancels every outstanding request in the style of the
 * request that timed out. In WIN16_SIM each entry carries its virtual time, exactly.
 */
@Timeout(30)
class TimeoutOrderTest {

  @World.AllWorlds
  void anAsyncTimeoutEndsTheOtherAsyncRequestsThenTheTimedOutOneThenThrowsInTheSyncOne(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      st.client.Output(big(), log.async("Output2").withTimeout(500));
      log.sync("Input3", () -> st.client.Input(InputSpec.byteCount(9), null));
      String at = world.virtualTime() ? " @500" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Input3 threw -16005" + at), log.entries());
    });
  }

  @World.AllWorlds
  void aSyncTimeoutEndsTheAsyncRequestsThenTheTimedOutRequestThrows(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      st.client.Output(big(), log.async("Output2"));
      log.sync("Input3", () -> st.client.Input(InputSpec.byteCount(9), CallbackSpec.sync().withTimeout(300)));
      String at = world.virtualTime() ? " @300" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Input3 threw -16005" + at), log.entries());
    });
  }

  @World.AllWorlds
  void theInputSpecsTimeOutStartsAgainAfterEachPieceAndCompletesToItsCompletionScript(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Output(big(), log.async("Output1"));
      st.client.SetInputSpec(InputSpec.byteCount(4).withTimeout(600)
          .withInputScript((ep, data) -> log.add("piece " + ascii(data)))
          .withCompletionScript((ep, data, result) -> log.add("InputSpec2 " + result)));
      after(st.user, 100, () -> st.server.Output(ascii("abcd"), null));
      pumpUntil(st.user, () -> log.has("InputSpec2"));
      boolean v = world.virtualTime();
      assertEquals(List.of("piece abcd" + (v ? " @100" : ""), "Output1 -16005" + (v ? " @700" : ""),
          "InputSpec2 -16005" + (v ? " @700" : "")), log.entries());
      st.server.Output(ascii("efgh"), null);
      assertEquals("efgh", ascii(st.client.Input(InputSpec.byteCount(4), null)), "the spec is cleared; Input works");
    });
  }

  @World.AllWorlds
  void twoTimeOutsAtTheSameInstantCancelOnceTheEarlierSetTimingOut(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1").withTimeout(100));
      st.client.Input(InputSpec.byteCount(5), log.async("Input2").withTimeout(100));
      pumpUntil(st.user, () -> log.size() == 2);
      String at = world.virtualTime() ? " @100" : "";
      assertEquals(List.of("Input2 -16005" + at, "Input1 -16005" + at), log.entries(),
          "Input1 timed out: Input2 is cancelled (step 1), then Input1 completes (step 2)");
      after(st.user, 150, () -> log.add("later"));
      pumpUntil(st.user, () -> log.has("later"));
      assertEquals(3, log.size(), "Input2's time-out does not fire afterwards");
    });
  }

  @World.AllWorlds
  void aTimedOutConnectLeavesTheEndpointBound(World world) throws Exception {
    onPair(world, st -> {
      Endpoint third = Endpoint.Instantiate(st.ws, st.user, st.emu.trace());
      try {
        third.Bind(null, null);
        sockaddr_in target = pendingConnectTarget(world, st.ws);
        int start = st.now();
        assertEquals(kCommErrRequestCanceled, code(() -> third.Connect(target, CallbackSpec.sync().withTimeout(250))));
        if (world.virtualTime()) {
          assertEquals(250, st.now() - start);
        }
        assertEquals(EndpointState.BOUND, third.State());
        assertNotNull(third.LocalAddress(), "a fresh socket, bound");
      } finally {
        third.Dispose();
      }
    });
  }

  @World.AllWorlds
  void aTimedOutListenLeavesTheEndpointBound(World world) throws Exception {
    onPair(world, st -> {
      Endpoint third = Endpoint.Instantiate(st.ws, st.user, st.emu.trace());
      try {
        third.Bind(loopback(0), null);
        third.Listen(st.log.async("Listen1").withTimeout(150));
        pumpUntil(st.user, () -> st.log.has("Listen1"));
        assertEquals(List.of("Listen1 -16005" + (world.virtualTime() ? " @150" : "")), st.log.entries());
        assertEquals(EndpointState.BOUND, third.State());
        third.Listen(st.log.async("Listen2"));
        assertEquals(EndpointState.LISTENING, third.State(), "it may listen again");
        third.Cancel(null);
        assertTrue(st.log.has("Listen2 -16005"));
      } finally {
        third.Dispose();
      }
    });
  }

  /**
   * An address where a connect stays in progress: on the simulated network one no host has; on
   * the real network a loopback listener whose backlog (1) two connections have filled.
   */
  static sockaddr_in pendingConnectTarget(World world, WinsockApi ws) {
    if (world.simulated()) {
      return new sockaddr_in(htons(7), ws.inet_addr("10.9.9.9"));
    }
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    assertEquals(0, ws.bind(s, loopback(0), sockaddr_in.SIZE), "bind");
    assertEquals(0, ws.listen(s, 1), "listen");
    sockaddr_in name = new sockaddr_in();
    ws.getsockname(s, name, new IntRef(sockaddr_in.SIZE));
    for (int i = 0; i < 2; i++) {
      int filler = ws.socket(AF_INET, SOCK_STREAM, 0);
      assertEquals(0, ws.ioctlsocket(filler, FIONBIO, new IntRef(1)), "FIONBIO");
      ws.connect(filler, name, sockaddr_in.SIZE);
    }
    return name;
  }
}
