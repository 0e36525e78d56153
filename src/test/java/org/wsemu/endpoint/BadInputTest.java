package org.wsemu.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.endpoint.CommErrors.*;
import static org.wsemu.endpoint.EndpointTestSupport.*;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.CallbackExceptionHandler;
import org.wsemu.task.TaskThreadException;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;

/** Misuse and bad arguments: each gets a documented code or a clear exception, and the endpoint stays usable. */
@Timeout(30)
class BadInputTest {

  @Test
  void specsRejectNegativeTimeOutsAndByteCountsAndEmptyEndSequencesWhenMade() {
    assertEquals("reqTimeout < 0: -1",
        assertThrows(IllegalArgumentException.class, () -> CallbackSpec.sync().withTimeout(-1)).getMessage());
    assertEquals("reqTimeout < 0: -5",
        assertThrows(IllegalArgumentException.class, () -> new CallbackSpec(true, -5, null)).getMessage());
    assertEquals("byteCount < 0: -3",
        assertThrows(IllegalArgumentException.class, () -> InputSpec.byteCount(-3)).getMessage());
    assertEquals("byteCount == 0: an input of no bytes never ends",
        assertThrows(IllegalArgumentException.class, () -> InputSpec.byteCount(0)).getMessage());
    assertEquals("endSequence is empty: give null for none",
        assertThrows(IllegalArgumentException.class, () -> InputSpec.endSequence(new byte[0])).getMessage());
    assertEquals("reqTimeout < 0: -2",
        assertThrows(IllegalArgumentException.class, () -> InputSpec.byteCount(1).withTimeout(-2)).getMessage());
    assertEquals("byteCount < 0: -1",
        assertThrows(IllegalArgumentException.class, () -> InputSpec.endSequence(ascii("\n")).withByteCount(-1))
            .getMessage());
    byte[] end = ascii("\r\n");
    InputSpec spec = InputSpec.endSequence(end);
    end[0] = 'x';
    assertEquals("\r\n", ascii(spec.endSequence()), "copied in");
  }

  @World.AllWorlds
  void instantiateOutsideATaskThrowsTaskThreadException(World world) throws Exception {
    try (org.wsemu.Emulator emu = world.builder().build()) {
      assertThrows(TaskThreadException.class, () -> Endpoint.Instantiate(emu.winsock(), emu.user(), emu.trace()));
    }
  }

  @World.AllWorlds
  void requestsOnADisposedEndpointThrowIllegalStateAndDisposeTwiceDoesNothing(World world) throws Exception {
    Emus.run(world.builder(), (emu, ws, user) -> {
      Endpoint ep = Endpoint.Instantiate(ws, user, emu.trace());
      ep.Bind(null, null);
      ep.Dispose();
      ep.Dispose();
      assertEquals(EndpointState.DISPOSED, ep.State());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ep.Output(ascii("x"), null));
      assertEquals("Endpoint.Output: the endpoint is disposed; no request is allowed after Dispose", e.getMessage());
      assertThrows(IllegalStateException.class, () -> ep.Cancel(CallbackSpec.async(null)));
      assertThrows(IllegalStateException.class, () -> ep.SetInputSpec(null));
      assertEquals("Endpoint.LocalAddress: the endpoint is disposed; no request is allowed after Dispose",
          assertThrows(IllegalStateException.class, ep::LocalAddress).getMessage());
      return 0;
    });
  }

  @World.AllWorlds
  void requestsFromAnotherTaskThrowTaskThreadException(World world) throws Exception {
    onPair(world, st -> {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      int owner = st.user.GetCurrentTask();
      st.emu.createTask("intruder", () -> {
        try {
          st.client.Output(ascii("x"), CallbackSpec.async(null));
        } catch (Throwable e) {
          seen.set(e);
        }
        st.user.PostAppMessage(owner, WM_USER, 0, 0); // wakes the owner's WaitMessage
        return 0;
      });
      pumpUntil(st.user, () -> seen.get() != null);
      assertTrue(seen.get() instanceof TaskThreadException, String.valueOf(seen.get()));
      assertTrue(seen.get().getMessage().startsWith("Endpoint.Output must be called by the task that owns the endpoint"),
          seen.get().getMessage());
      st.client.Output(ascii("ok"), null);
      assertEquals("ok", ascii(st.server.Input(InputSpec.byteCount(2), null)), "still usable");
    });
  }

  @World.AllWorlds
  void aCompletionScriptThatThrowsGoesToTheHandlerAndTheNextCompletionsStillRun(World world) throws Exception {
    List<String> handled = new ArrayList<>();
    CallbackExceptionHandler handler = (task, callback, error) -> handled.add(error.getMessage());
    onPair(world.builder().callbackExceptionHandler(handler), world.virtualTime(), st -> {
      st.client.Input(InputSpec.byteCount(1), CallbackSpec.async((ep, data, result) -> {
        throw new IllegalStateException("script failed with " + result);
      }));
      st.client.Input(InputSpec.byteCount(1), st.log.async("Input2"));
      st.client.Cancel(st.log.async("Cancel3"));
      pumpUntil(st.user, () -> st.log.has("Cancel3"));
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of("Input2 -16005" + at, "Cancel3 0" + at), st.log.entries());
      assertEquals(List.of("script failed with -16005"), handled);
      st.server.Output(ascii("z"), null);
      assertEquals("z", ascii(st.client.Input(InputSpec.byteCount(1), null)), "consistent: Input works");
    });
  }

  @World.AllWorlds
  void aScriptExceptionRethrownOutOfASyncWaitAbandonsThatRequestOnly(World world) throws Exception {
    onPair(world.builder().callbackExceptionHandler(CallbackExceptionHandler.rethrow()), false, st -> {
      after(st.user, 50, () -> {
        throw new IllegalStateException("timer procedure failed");
      });
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> st.client.Input(InputSpec.byteCount(3), null));
      assertEquals("timer procedure failed", e.getMessage());
      st.log.sync("Cancel1", () -> st.client.Cancel(null));
      assertEquals(List.of("Cancel1 returned"), st.log.entries(), "the abandoned Input is not outstanding");
      st.server.Output(ascii("abc"), null);
      assertEquals("abc", ascii(st.client.Input(InputSpec.byteCount(3), null)));
    });
  }

  @World.AllWorlds
  void inputAndTheStandingInputSpecExcludeEachOther(World world) throws Exception {
    onPair(world, st -> {
      st.client.SetInputSpec(InputSpec.byteCount(2));
      assertEquals(kCommErrCommandInProgress, code(() -> st.client.Input(InputSpec.byteCount(1), null)));
      st.client.Input(InputSpec.byteCount(1), st.log.async("Input1"));
      st.client.SetInputSpec(null);
      st.client.Input(InputSpec.byteCount(1), st.log.async("Input2"));
      assertEquals(kCommErrCommandInProgress, code(() -> st.client.SetInputSpec(InputSpec.byteCount(2))));
      st.client.Cancel(null);
      String at = world.virtualTime() ? " @0" : "";
      assertEquals(List.of("Input1 -16001" + at, "Input2 -16005" + at), st.log.entries(),
          "an async request's failure arrives through its script");
    });
  }

  @World.AllWorlds
  void clearingTheInputSpecEndsItWithoutACompletionAndLeavesTheBytesForTheNextInput(World world) throws Exception {
    onPair(world, st -> {
      st.client.SetInputSpec(InputSpec.byteCount(2)
          .withCompletionScript((ep, data, result) -> st.log.add("spec " + result)));
      st.client.SetInputSpec(null);
      st.server.Output(ascii("xy"), null);
      assertEquals("xy", ascii(st.client.Input(InputSpec.byteCount(2), null)));
      st.client.Cancel(null);
      assertEquals(List.of(), st.log.entries(), "no completion for a spec the program cleared");
    });
  }

  @World.AllWorlds
  void nullArgumentsThrowNamingTheArgument(World world) throws Exception {
    onPair(world, st -> {
      assertEquals("data", assertThrows(NullPointerException.class, () -> st.client.Output(null, null)).getMessage());
      assertEquals("inputSpec", assertThrows(NullPointerException.class, () -> st.client.Input(null, null)).getMessage());
      assertEquals("remote", assertThrows(NullPointerException.class, () -> st.client.Connect(null, null)).getMessage());
    });
  }
}
