package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.CommErrors.kCommErrRequestCanceled;
import static org.wsemu.endpoint.EndpointTestSupport.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/** The order in which a cancel ends the outstanding requests, asynchronous and synchronous. */
@Timeout(30)
class CancellationOrderTest {

  @World.AllWorlds
  void anAsyncCancelEndsThePendingAsyncRequestsInTheOrderMadeThenItself(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      st.client.Input(InputSpec.byteCount(5), log.async("Input#1"));
      byte[][] sent = new byte[1][];
      st.client.Output(big(), CallbackSpec.async((ep, data, result) -> {
        sent[0] = data;
        log.add("Output#2 " + result);
      }));
      st.client.Input(InputSpec.endSequence(ascii("\n")), log.async("Input#3"));
      st.client.Cancel(log.async("Cancel#4"));
      assertEquals(List.of(), log.entries(), "an async Cancel returns at once");
      pumpUntil(st.user, () -> log.has("Cancel#4"));
      assertEquals(List.of("Input#1 -16005", "Output#2 -16005", "Input#3 -16005", "Cancel#4 0"), log.entries());
      assertTrue(sent[0].length < big().length, "the Output was cut short: " + sent[0].length);
      assertEquals(EndpointState.CONNECTED, st.client.State(), "the connection stays");
    });
  }
}
