package org.wsemu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.cli.CommandLines.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemoCommandTest {

  @Test
  @Timeout(20)
  void demoRunsTheSampleAndReportsTheTicks() {
    String out = run(0, "demo");
    assertTrue(out.startsWith("wsemu demo: two applications, WIN16 scheduling, virtual clock\n"), out);
    assertTrue(out.contains("[t= 5000 ms] clock: tick 5\n"), out);
    assertTrue(out.contains("clock quit after 5 ticks;"), out);
  }

  @Test
  @Timeout(20)
  void demoWithTracePrintsTheStableTrace() {
    String out = run(0, "demo", "--trace");
    assertTrue(out.contains(" 0001:clock TASK start\n"), "the clock task starts first");
    assertTrue(out.contains(" 0002:typist CALL FindWindow lpClassName=ClockWClass lpWindowName=null ret=0x0100\n"), "typist finds the window");
    // the example of TraceFormat's Javadoc (its sequence number aside)
    assertTrue(out.contains(" t=001000 0001:clock CALL GetMessage hWnd=0x0000 wMsgFilterMin=0 wMsgFilterMax=0"
        + " ret=1 msg=WM_TIMER hwnd=0x0100 wParam=0x0001 lParam=0x00000000\n"), "the first WM_TIMER");
  }

  @Test
  void anUnknownModeIsRejected() {
    CommandLines.Result result = run("demo", "--mode", "WIN95");
    assertEquals(2, result.exit());
    assertTrue(result.err().contains("WIN95"), result.err());
  }
}
