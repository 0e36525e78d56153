package org.wsemu.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;

class MessageLoopDemoTest {

  @Test
  @Timeout(20)
  void inWin16TheDemoTellsTheSameStoryEveryTime() throws Exception {
    List<String> expected = List.of(
        "[t=    0 ms] typist: clock says 0 ticks",
        "[t=    0 ms] clock: typed so far \"h\"",
        "[t=    0 ms] clock: typed so far \"he\"",
        "[t=    0 ms] clock: typed so far \"hel\"",
        "[t=    0 ms] clock: typed so far \"hell\"",
        "[t=    0 ms] clock: typed so far \"hello\"",
        "[t= 1000 ms] clock: tick 1",
        "[t= 2000 ms] clock: tick 2",
        "[t= 2500 ms] typist: clock says 2 ticks",
        "[t= 3000 ms] clock: tick 3",
        "[t= 4000 ms] clock: tick 4",
        "[t= 5000 ms] clock: tick 5");
    for (int run = 0; run < 3; run++) {
      StringWriter out = new StringWriter();
      try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
        assertEquals(5, MessageLoopDemo.run(emu, new PrintWriter(out, true)));
      }
      assertEquals(expected, out.toString().lines().toList());
    }
  }

  @Test
  @Timeout(30)
  void inWin32TheSameProgramRunsInRealTime() throws Exception {
    StringWriter out = new StringWriter();
    try (Emulator emu = Emus.builder(SchedulingMode.WIN32).build()) {
      assertEquals(5, MessageLoopDemo.run(emu, new PrintWriter(out, true)));
    }
    String story = out.toString();
    assertTrue(story.contains("clock: typed so far \"hello\""), story);
    assertTrue(story.contains("clock: tick 5"), story);
    assertEquals(2, story.lines().filter(line -> line.contains("typist: clock says")).count(), story);
  }
}
