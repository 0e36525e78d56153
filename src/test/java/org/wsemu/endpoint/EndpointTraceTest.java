package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.EndpointTestSupport.*;
import static org.wsemu.user.WinDef.NULL;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceRecorder;
import org.wsemu.user.MSG;
import org.wsemu.winsock.BlockingHook;

/** The trace of an endpoint, its determinism in virtual time, and how a synchronous request waits. */
@Timeout(30)
class EndpointTraceTest {

  @Test
  void theTraceShowsEachRequestAndTheCancellationOrder() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    onPair(World.WIN16_SIM.builder().traceSink(trace), true, st -> {
      trace.clear();
      st.client.Input(InputSpec.byteCount(5), CallbackSpec.async(null));
      st.client.Output(big(), CallbackSpec.async(null).withTimeout(500));
      try {
        st.client.Input(InputSpec.byteCount(9), null);
      } catch (EndpointException expected) {
        // -16005
      }
    });
    assertEquals(List.of(
        "EndpointRequest Input#3",
        "EndpointRequest Output#4",
        "EndpointRequest Input#5",
        "EndpointCancel Output#4",
        "EndpointComplete Input#3 -16005",
        "EndpointComplete Output#4 -16005 endsCancel",
        "EndpointComplete Input#5 -16005",
        "EndpointReturn Input#5 -16005",
        "EndpointRequest Dispose#6", "EndpointReturn Dispose#6 0",
        "EndpointRequest Dispose#4", "EndpointReturn Dispose#4 0"), notes(trace)); // the server's
    assertEquals("timeout", trace.events(e -> e.name().equals("EndpointCancel")).get(0).field("why"));
    assertEquals(500L, trace.events(e -> e.name().equals("EndpointCancel")).get(0).time()
        - trace.events(e -> e.name().equals("EndpointRequest")).get(1).time(), "in virtual time, exactly");
  }

  @Test
  void aWin16RunInVirtualTimeRepeatsItsTraceExactly() throws Exception {
    assertEquals(scenarioTrace(), scenarioTrace());
  }

  private static String scenarioTrace() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    onPair(World.WIN16_SIM.builder().traceSink(trace), true, st -> {
      st.client.SetInputSpec(InputSpec.endSequence(ascii("\n")).withTimeout(300)
          .withInputScript((ep, line) -> st.log.add(ascii(line))));
      after(st.user, 100, () -> st.server.Output(ascii("one\ntwo\n"), null));
      st.client.Output(ascii("hello"), st.log.async("Output"));
      pumpUntil(st.user, () -> st.log.size() == 3);
      st.client.Cancel(null);
    });
    String rendered = trace.render();
    assertTrue(rendered.contains("EndpointInput"), rendered);
    return rendered;
  }

  @World.AllWorlds
  void aSyncRequestWaitsThroughTheTasksBlockingHookAndLeavesItInstalled(World world) throws Exception {
    onPair(world, st -> {
      List<String> calls = new ArrayList<>();
      MSG msg = new MSG();
      BlockingHook hook = () -> {
        calls.add("hook");
        if (st.user.PeekMessage(msg, NULL, 0, 0, org.wsemu.user.WinUser.PM_REMOVE)) {
          st.user.DispatchMessage(msg);
          return true;
        }
        return false;
      };
      BlockingHook before = st.ws.WSASetBlockingHook(hook);
      after(st.user, 50, () -> st.server.Output(ascii("xyz"), null));
      assertEquals("xyz", ascii(st.client.Input(InputSpec.byteCount(3), null)));
      assertTrue(!calls.isEmpty(), "the hook dispatched the timer");
      assertSame(hook, st.ws.WSASetBlockingHook(before), "still installed");
      assertEquals(0, st.ws.WSAUnhookBlockingHook());
    });
  }

  @World.AllWorlds
  void aQuitMessageCancelsTheWaitingSyncRequestAndStaysForTheApplication(World world) throws Exception {
    onPair(world, st -> {
      after(st.user, 50, () -> st.user.PostQuitMessage(7));
      assertEquals(CommErrors.kCommErrRequestCanceled, code(() -> st.client.Input(InputSpec.byteCount(3), null)));
      MSG msg = new MSG();
      assertEquals(0, st.user.GetMessage(msg, NULL, 0, 0), "WM_QUIT is posted again");
      assertEquals(7, msg.wParam);
      st.log.sync("Cancel", () -> st.client.Cancel(null));
      assertEquals(List.of("Cancel returned" + (world.virtualTime() ? " @50" : "")), st.log.entries(),
          "the Input is not outstanding");
    });
  }
}
