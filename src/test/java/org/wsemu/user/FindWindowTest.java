package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinDef.NULL;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;

class FindWindowTest {

  @Test
  @Timeout(10)
  void findWindowMatchesTopLevelWindowsByClassAndNameIgnoringCase() throws Exception {
    List<Integer> found = new ArrayList<>();
    int[] windows = new int[3];
    try (Emulator emu = Emus.builder(SchedulingMode.WIN16).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        WNDCLASS wc = new WNDCLASS();
        wc.lpszClassName = "Finder";
        wc.lpfnWndProc = user::DefWindowProc;
        user.RegisterClass(wc);
        windows[0] = user.CreateWindow("Finder", "First", 0, 0, 0, 0, 0, NULL, NULL, NULL, null);
        windows[1] = user.CreateWindow("Finder", "Second", 0, 0, 0, 0, 0, NULL, NULL, NULL, null);
        windows[2] = user.CreateWindow("Finder", "Child", 0, 0, 0, 0, 0, windows[0], NULL, NULL, null);
        found.add(user.FindWindow("finder", null));
        found.add(user.FindWindow(null, "SECOND"));
        found.add(user.FindWindow("Finder", "Second"));
        found.add(user.FindWindow("Finder", "Child"));
        found.add(user.FindWindow("Nothing", null));
        found.add(user.FindWindow(null, null));
        return 0;
      });
      assertEquals(0, user.FindWindow("Finder", null), "the task ended: its windows are gone");
    }
    assertEquals(List.of(windows[0], windows[1], windows[1], 0, 0, windows[0]), found);
  }
}
