package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.EndpointTestSupport.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * The order in which a cancel ends the outstanding requests: asynchronous cancellation (Cancel,
 * Disconnect with cancelPending) and synchronous cancellation, as the Newton Programmer's Guide
 * gives it. Request time-outs are in {@link TimeoutOrderTest}. In WIN16_SIM each entry carries its
 * virtual time.
 */
@Timeout(30)
class CancellationOrderTest {

  @World.AllWorlds
  void anAsyncCancelEndsThePendingAsyncRequestsInTheOrderMadeThenItself(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      byte[][] sent = new byte[1][];
      st.client.Output(big(), CallbackSpec.async((ep, data, result) -> {
        sent[0] = data;
        log.add("Output2 " + result);
      }));
      st.client.Input(InputSpec.endSequence(ascii("\n")), log.async("Input3"));
      st.client.Cancel(log.async("Cancel4"));
      assertEquals(List.of(), log.entries(), "an async Cancel returns at once");
      pumpUntil(st.user, () -> log.has("Cancel4"));
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Input3 -16005" + at, "Cancel4 0" + at),
          log.entries());
      assertTrue(sent[0].length < big().length, "the Output was cut short: " + sent[0].length);
      assertEquals(EndpointState.CONNECTED, st.client.State(), "the connection stays");
    });
  }

  @World.AllWorlds
  void anAsyncCancelThrowsInThePendingSyncRequestLast(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      st.client.Output(big(), log.async("Output2"));
      after(st.user, 200, () -> st.client.Cancel(log.async("Cancel4")));
      log.sync("Input3", () -> st.client.Input(InputSpec.byteCount(9), null));
      String at = world.virtualTime() ? " @200" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Cancel4 0" + at, "Input3 threw -16005" + at),
          log.entries());
    });
  }

  @World.AllWorlds
  void aSyncCancelEndsThePendingAsyncRequestsThenReturnsThenTheSyncRequestThrows(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      st.client.Output(big(), log.async("Output2"));
      after(st.user, 300, () -> log.sync("Cancel4", () -> st.client.Cancel(null)));
      log.sync("Input3", () -> st.client.Input(InputSpec.byteCount(9), null));
      String at = world.virtualTime() ? " @300" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Cancel4 returned" + at,
          "Input3 threw -16005" + at), log.entries());
    });
  }

  @World.AllWorlds
  void aSyncCancelWithNothingPendingReturnsAndAnAsyncOneCompletesWithZero(World world) throws Exception {
    onPair(world, st -> {
      st.log.sync("Cancel1", () -> st.client.Cancel(null));
      st.client.Cancel(st.log.async("Cancel2"));
      pumpUntil(st.user, () -> st.log.has("Cancel2"));
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of("Cancel1 returned" + at, "Cancel2 0" + at), st.log.entries());
    });
  }

  @World.AllWorlds
  void requestsMadeWhileACancelIsInProgressFailWithTaccess(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      // Output1 ends at once (its completion is queued); its script runs after the Cancel was queued
      st.client.Output(ascii("ab"), log.async("Output1",
          () -> st.client.Input(InputSpec.byteCount(1), log.async("Input3"))));
      st.client.Input(InputSpec.byteCount(50), log.async("Input2",
          () -> st.client.Output(ascii("x"), log.async("Output5"))));
      st.client.Cancel(log.async("Cancel4",
          () -> st.client.Output(ascii("cd"), log.async("Output6"))));
      log.sync("Input7", () -> st.client.Input(InputSpec.byteCount(1), null));
      pumpUntil(st.user, () -> log.has("Output6"));
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of(
          "Input7 threw -36003" + at,   // a synchronous request made during the cancel fails at once
          "Output1 0" + at,             // completed before the cancel ran
          "Input3 -36003" + at,         // made by a script after the Cancel was queued
          "Input2 -16005" + at,         // pending: cancelled
          "Cancel4 0" + at,             // the cancel ends (queued when the cancel ran)
          "Output5 -36003" + at,        // made by Input2's script, during the cancel; queued after
          "Output6 0" + at),            // made by the Cancel's own script: the cancel is over
          log.entries());
      assertEquals("abcd", ascii(st.server.Input(InputSpec.byteCount(4), null)), "Output6 went through");
    });
  }

  @World.AllWorlds
  void anAsyncDisconnectWithCancelPendingCancelsThenCompletesDisconnected(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      st.client.Output(big(), log.async("Output2"));
      st.client.Disconnect(true, log.async("Disconnect3",
          () -> log.add("state " + st.client.State())));
      pumpUntil(st.user, () -> log.has("state"));
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of("Input1 -16005" + at, "Output2 -16005" + at, "Disconnect3 0" + at,
          "state DISCONNECTED" + at), log.entries());
      assertEquals(CommErrors.kCommErrNotConnected, code(() -> st.client.Output(ascii("x"), null)));
      st.client.UnBind(null);
      assertEquals(EndpointState.UNBOUND, st.client.State());
    });
  }

  @World.AllWorlds
  void aSyncDisconnectWithCancelPendingEndsTheAsyncRequestsThenReturns(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input1"));
      after(st.user, 100, () -> log.sync("Disconnect3", () -> st.client.Disconnect(true, null)));
      log.sync("Input2", () -> st.client.Input(InputSpec.byteCount(5), null));
      String at = world.virtualTime() ? " @100" : "";
      assertEquals(List.of("Input1 -16005" + at, "Disconnect3 returned" + at, "Input2 threw -16005" + at),
          log.entries());
      assertEquals(EndpointState.DISCONNECTED, st.client.State());
    });
  }
}
