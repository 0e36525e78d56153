package org.wsemu.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.create;
import static org.wsemu.user.UserTestSupport.entry;
import static org.wsemu.user.UserTestSupport.inOtherTask;
import static org.wsemu.user.UserTestSupport.recording;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.wndClass;
import static org.wsemu.user.WinDef.*;
import static org.wsemu.user.WinUser.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;

/**
 * Window classes: RegisterClass and UnregisterClass, and which tasks see a class (split from
 * {@link WindowTest} to keep each class short).
 */
@Timeout(10)
class WindowClassTest {
  private static final WNDPROC ZERO = (h, m, w, l) -> 0;

  @BothModes
  void registerClassReturnsDistinctAtomsFromTheStringAtomRange(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int first = user.RegisterClass(wndClass("First", ZERO, 0));
      int second = user.RegisterClass(wndClass("Second", ZERO, CS_GLOBALCLASS));
      assertTrue(first >= 0xC000 && first <= 0xFFFF, "atom " + Integer.toHexString(first));
      assertTrue(second >= 0xC000 && second <= 0xFFFF, "atom " + Integer.toHexString(second));
      assertNotEquals(first, second);
    });
  }

  @BothModes
  void registerClassOfATakenNameInAnyCaseReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertNotEquals(0, user.RegisterClass(wndClass("MyClass", ZERO, 0)));
      assertEquals(0, user.RegisterClass(wndClass("MyClass", ZERO, 0)));
      assertEquals(0, user.RegisterClass(wndClass("MYCLASS", ZERO, 0)));
      assertEquals(0, user.RegisterClass(wndClass("myclass", ZERO, 0)));
    });
  }

  @BothModes
  void registerGlobalClassOfANameTheTaskAlreadyRegisteredReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertNotEquals(0, user.RegisterClass(wndClass("Local", ZERO, 0)));
      assertEquals(0, user.RegisterClass(wndClass("LOCAL", ZERO, CS_GLOBALCLASS)));
    });
  }

  @BothModes
  void registerClassWithoutStructNameOrProcedureReturnsZero(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(0, user.RegisterClass(null));
      assertEquals(0, user.RegisterClass(wndClass(null, ZERO, 0)));
      assertEquals(0, user.RegisterClass(wndClass("NoProc", null, 0)));
    });
  }

  @BothModes
  void globalClassIsVisibleToAnotherTask(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertNotEquals(0, user.RegisterClass(wndClass("Shared", user::DefWindowProc, CS_GLOBALCLASS)));
      assertNotEquals(0, inOtherTask(emu, () -> create(user, "shared", NULL)));
    });
  }

  @BothModes
  void taskClassIsInvisibleToAnotherTask(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertNotEquals(0, user.RegisterClass(wndClass("Private", user::DefWindowProc, 0)));
      assertEquals(0, inOtherTask(emu, () -> create(user, "Private", NULL)));
      assertNotEquals(0, create(user, "Private", NULL));
    });
  }

  @BothModes
  void eachTaskMayRegisterItsOwnClassOfTheSameName(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      List<String> seen = new CopyOnWriteArrayList<>();
      assertNotEquals(0, user.RegisterClass(wndClass("Same", recording(seen, ZERO), 0)));
      assertNotEquals(0, inOtherTask(emu, () -> user.RegisterClass(wndClass("Same", ZERO, 0))));
      int hwnd = create(user, "Same", NULL);
      assertEquals(List.of(entry(hwnd, WM_CREATE, 0, 0)), seen);
    });
  }

  @BothModes
  void unregisterClassFailsWhileAWindowOfTheClassLives(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      int hwnd = Emus.window(user, "Busy", user::DefWindowProc);
      assertEquals(false, user.UnregisterClass("Busy", 0));
      assertTrue(user.DestroyWindow(hwnd));
      assertEquals(true, user.UnregisterClass("BUSY", 0));
    });
  }

  @BothModes
  void unregisterClassOfUnknownOrAlreadyRemovedClassReturnsFalse(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.RegisterClass(wndClass("Once", user::DefWindowProc, 0));
      assertEquals(List.of(false, false, true, false), List.of(user.UnregisterClass("Never", 0),
          user.UnregisterClass(null, 0), user.UnregisterClass("Once", 0), user.UnregisterClass("Once", 0)));
    });
  }

  @BothModes
  void unregisterClassCannotRemoveAGlobalClassRegisteredByAnotherTask(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.RegisterClass(wndClass("Shared", user::DefWindowProc, CS_GLOBALCLASS));
      assertEquals(0, inOtherTask(emu, () -> user.UnregisterClass("Shared", 0) ? 1 : 0));
      assertNotEquals(0, create(user, "Shared", NULL));
    });
  }

  @BothModes
  void aGlobalClassEndsWithTheTaskThatRegisteredIt(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      assertEquals(1, inOtherTask(emu, () -> user.RegisterClass(wndClass("Fleeting", user::DefWindowProc, CS_GLOBALCLASS)) != 0 ? 1 : 0));
      // inOtherTask returns when the other task has posted its notice; let it finish before looking.
      org.awaitility.Awaitility.await().until(() -> emu.tasks().size() == 1);
      assertEquals(0, create(user, "Fleeting", NULL));
      assertNotEquals(0, user.RegisterClass(wndClass("Fleeting", user::DefWindowProc, CS_GLOBALCLASS)));
    });
  }

  @BothModes
  void unregisterClassCannotRemoveAnotherTasksClass(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.RegisterClass(wndClass("Mine", user::DefWindowProc, 0));
      assertEquals(0, inOtherTask(emu, () -> user.UnregisterClass("Mine", 0) ? 1 : 0));
      assertNotEquals(0, create(user, "Mine", NULL));
    });
  }

  @BothModes
  void unregisteredClassCreatesNoWindowsAndMayBeRegisteredAgain(SchedulingMode mode) throws Exception {
    run(mode, (emu, user) -> {
      user.RegisterClass(wndClass("Gone", user::DefWindowProc, 0));
      assertTrue(user.UnregisterClass("Gone", 0));
      assertEquals(0, create(user, "Gone", NULL));
      assertNotEquals(0, user.RegisterClass(wndClass("Gone", user::DefWindowProc, 0)));
    });
  }
}
