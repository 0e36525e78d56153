package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.endpoint.EndpointTestSupport.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;

/**
 * What the Newton Programmer's Guide leaves open, as wsemu decided it (docs/behaviour.md,
 * "Endpoints: cancellation"): what a cancelled Output has sent, whether the endpoint is usable
 * after a cancel, what Disconnect without cancelPending waits for, and that nothing received is
 * lost. (Two time-outs at the same instant: {@link TimeoutOrderTest}.)
 */
@Timeout(60)
class SilentPointsTest {

  @World.AllWorlds
  void aCancelledOutputReportsTheBytesItSentAndTheStreamGoesOnAfterThem(World world) throws Exception {
    onPair(world, st -> {
      byte[][] sent = new byte[1][];
      st.client.Output(big(), CallbackSpec.async((ep, data, result) -> sent[0] = data));
      st.client.Cancel(null);
      int n = sent[0].length;
      assertTrue(n > 0 && n < BIG.length, "a prefix: " + n);
      assertArrayEquals(Arrays.copyOf(BIG, n), sent[0]);
      byte[][] received = new byte[1][];
      st.server.Input(InputSpec.byteCount(n), CallbackSpec.async((ep, data, result) -> received[0] = data));
      st.client.Output(ascii("END"), null); // the endpoint is usable after the cancel
      pumpUntil(st.user, () -> received[0] != null);
      assertArrayEquals(sent[0], received[0], "the peer received exactly the bytes reported");
      assertEquals("END", ascii(st.server.Input(InputSpec.byteCount(3), null)));
    });
  }

  @World.AllWorlds
  void bytesThatArrivedBeforeACancelGoToTheNextInput(World world) throws Exception {
    onPair(world, st -> {
      st.server.Output(ascii("hello"), null);
      st.client.Input(InputSpec.byteCount(10), st.log.async("Input1"));
      after(st.user, 100, () -> st.client.Cancel(st.log.async("Cancel2")));
      pumpUntil(st.user, () -> st.log.has("Cancel2"));
      String at = world.virtualTime() ? " @100" : "";
      assertEquals(List.of("Input1 -16005" + at, "Cancel2 0" + at), st.log.entries());
      assertEquals("hello", ascii(st.client.Input(InputSpec.byteCount(5), null)));
      st.server.Output(ascii("world"), null);
      assertEquals("world", ascii(st.client.Input(InputSpec.endSequence(ascii("d")), null)));
    });
  }

  @World.AllWorlds
  void disconnectWithoutCancelPendingSendsThePendingOutputThenEndsTheInputsAndCloses(World world) throws Exception {
    onPair(world, st -> {
      Log log = st.log;
      log.timed = false;
      st.client.Output(big(), log.async("Output1"));
      st.client.Input(InputSpec.byteCount(5), log.async("Input2"));
      st.client.Disconnect(false, log.async("Disconnect3"));
      st.client.Output(ascii("late"), log.async("Output4"));
      byte[][] received = new byte[1][];
      st.server.Input(InputSpec.byteCount(BIG.length), CallbackSpec.async((ep, data, result) -> received[0] = data));
      pumpUntil(st.user, () -> log.has("Disconnect3") && received[0] != null);
      assertEquals(List.of("Output4 -16020", "Output1 0", "Input2 -16013", "Disconnect3 0"), log.entries());
      assertEquals(EndpointState.DISCONNECTED, st.client.State());
      assertArrayEquals(BIG, received[0], "every byte of the pending Output arrived");
      assertEquals(kCommErrConnectionAborted, code(() -> st.server.Input(InputSpec.byteCount(1), null)),
          "then the peer sees the end");
      assertEquals(EndpointState.DISCONNECTED, st.server.State());
      assertEquals(kCommErrNotConnected, code(() -> st.client.Input(InputSpec.byteCount(1), null)));
    });
  }
}
