package org.wsemu.user;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.user.UserTestSupport.run;
import static org.wsemu.user.UserTestSupport.runTasks;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.task.Task;
import org.wsemu.testing.BothModes;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** SendMessage within a task, across tasks and from plain threads; InSendMessage; ReplyMessage. */
@Timeout(10)
class SendMessageTest {
  /** Posted to a receiver to end its message loop. */
  private static final int DONE = WM_USER + 0x100;

  /** Dispatches messages until DONE arrives. */
  private static int pumpUntilDone(User user) {
    MSG msg = new MSG();
    while (user.GetMessage(msg, NULL, 0, 0) > 0) {
      if (msg.message == DONE) {
        return 0;
      }
      user.DispatchMessage(msg);
    }
    return 1;
  }

  /** A window whose procedure hands WM_USER and above to {@code proc} and answers the rest with 0. */
  private static int window(User user, String name, WNDPROC proc) {
    return Emus.window(user, name, (h, m, wp, lp) -> m >= WM_USER ? proc.call(h, m, wp, lp) : 0);
  }

  @BothModes
  void sendToOwnWindowCallsTheProcedureDirectlyAndReturnsItsResult(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    run(Emus.builder(mode), user -> {
      int hwnd = window(user, "w", (h, m, wp, lp) -> {
        log.add("proc " + (m - WM_USER) + " " + wp + " " + lp);
        return wp + lp;
      });
      log.add("before");
      log.add("result " + user.SendMessage(hwnd, WM_USER + 1, 30, 12));
      assertFalse(user.PeekMessage(new MSG(), NULL, 0, 0, WinUser.PM_REMOVE | WinUser.PM_NOYIELD));
      return 0;
    });
    assertEquals(List.of("before", "proc 1 30 12", "result 42"), log);
  }

  @BothModes
  void nestedSendToOwnWindowsRunsOneProcedureInsideTheOther(SchedulingMode mode) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(Emus.builder(mode).traceSink(trace), user -> {
      int inner = window(user, "inner", (h, m, wp, lp) -> 5);
      int outer = window(user, "outer", (h, m, wp, lp) -> 10 + user.SendMessage(inner, WM_USER + 1, 0, 0));
      assertEquals(15, user.SendMessage(outer, WM_USER, 0, 0));
      return 0;
    });
    List<String> procs = trace.events(e -> (e.kind() == TraceKind.PROC || e.kind() == TraceKind.PROC_END)
            && String.valueOf(e.field("msg")).startsWith("WM_USER"))
        .stream().map(e -> e.kind() + " " + e.field("msg") + " depth=" + e.field("depth")).toList();
    assertEquals(List.of("PROC WM_USER depth=1", "PROC WM_USER+1 depth=2",
        "PROC_END WM_USER+1 depth=2", "PROC_END WM_USER depth=1"), procs);
  }

  @BothModes
  void crossTaskSendRunsTheProcedureOnTheOwnerAndReturnsItsResult(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    AtomicInteger hwnd = new AtomicInteger();
    runTasks(Emus.builder(mode), user -> {
      int me = user.GetCurrentTask();
      hwnd.set(window(user, "w", (h, m, wp, lp) -> {
        log.add("proc " + wp + " on receiver=" + (user.GetCurrentTask() == me) + " InSendMessage=" + user.InSendMessage());
        return 100 + wp;
      }));
      ready.countDown();
      return pumpUntilDone(user);
    }, user -> {
      assertTrue(ready.await(5, SECONDS)); // Win16: counted down before this task runs
      log.add("sender got " + user.SendMessage(hwnd.get(), WM_USER, 5, 0));
      user.PostMessage(hwnd.get(), DONE, 0, 0);
      return 0;
    });
    assertEquals(List.of("proc 5 on receiver=true InSendMessage=true", "sender got 105"), log);
  }

  @BothModes
  void receiverPollingWithPeekMessageProcessesTheSentMessageWithoutReturningIt(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    AtomicInteger hwnd = new AtomicInteger();
    runTasks(Emus.builder(mode), user -> {
      hwnd.set(window(user, "w", (h, m, wp, lp) -> {
        log.add("proc " + (m - WM_USER));
        return 3;
      }));
      ready.countDown();
      MSG msg = new MSG();
      do {
        while (!user.PeekMessage(msg, NULL, 0, 0, WinUser.PM_REMOVE)) {
          // polls; an empty peek yields (Win16)
        }
        log.add("peeked " + (msg.message - WM_USER));
      } while (msg.message != DONE);
      return 0;
    }, user -> {
      assertTrue(ready.await(5, SECONDS));
      log.add("sender got " + user.SendMessage(hwnd.get(), WM_USER, 0, 0));
      user.PostMessage(hwnd.get(), DONE, 0, 0);
      return 0;
    });
    assertEquals(List.of("proc 0", "sender got 3", "peeked " + (DONE - WM_USER)), log);
  }

  @BothModes
  void nestedCrossTaskSendsBackToTheWaitingSenderDoNotDeadlock(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    AtomicInteger hwndB = new AtomicInteger();
    AtomicInteger hwndA = new AtomicInteger();
    runTasks(Emus.builder(mode), user -> {
      hwndB.set(window(user, "wb", (h, m, wp, lp) -> {
        log.add("wb got " + (m - WM_USER));
        int fromA = user.SendMessage(hwndA.get(), WM_USER + 1, 0, 0);
        log.add("wb returns " + (10 + fromA));
        return 10 + fromA;
      }));
      ready.countDown();
      return pumpUntilDone(user);
    }, user -> {
      hwndA.set(window(user, "wa", (h, m, wp, lp) -> {
        log.add("wa got " + (m - WM_USER) + " InSendMessage=" + user.InSendMessage());
        return 7;
      }));
      assertTrue(ready.await(5, SECONDS)); // Win16: b ran first and is waiting in GetMessage
      log.add("a got " + user.SendMessage(hwndB.get(), WM_USER, 0, 0));
      user.PostMessage(hwndB.get(), DONE, 0, 0);
      return 0;
    });
    assertEquals(List.of("wb got 0", "wa got 1 InSendMessage=true", "wb returns 17", "a got 17"), log);
  }

  @BothModes
  void inSendMessageIsFalseInTheBodyAndForOwnSendsAndDispatchedMessages(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    run(Emus.builder(mode), user -> {
      int hwnd = window(user, "w", (h, m, wp, lp) -> {
        log.add((m == WM_USER ? "SendMessage " : "DispatchMessage ") + user.InSendMessage());
        return 0;
      });
      log.add("body " + user.InSendMessage());
      user.SendMessage(hwnd, WM_USER, 0, 0);
      user.PostMessage(hwnd, WM_USER + 1, 0, 0);
      MSG msg = new MSG();
      assertEquals(1, user.GetMessage(msg, NULL, 0, 0));
      user.DispatchMessage(msg);
      return 0;
    });
    assertEquals(List.of("body false", "SendMessage false", "DispatchMessage false"), log);
  }

  @BothModes
  void replyMessageReleasesTheSenderWhileTheProcedureGoesOn(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch senderGotResult = new CountDownLatch(1);
    AtomicInteger hwnd = new AtomicInteger();
    runTasks(Emus.builder(mode), user -> {
      hwnd.set(window(user, "w", (h, m, wp, lp) -> {
        log.add("proc starts");
        boolean replied = user.ReplyMessage(55);
        boolean released = await(senderGotResult); // Win16: the reply switched to the sender, which counted down
        log.add("proc goes on: replied=" + replied + " senderReleased=" + released);
        log.add("second ReplyMessage " + user.ReplyMessage(66));
        return 99;
      }));
      ready.countDown();
      return pumpUntilDone(user);
    }, user -> {
      assertTrue(ready.await(5, SECONDS));
      log.add("sender got " + user.SendMessage(hwnd.get(), WM_USER, 0, 0));
      senderGotResult.countDown();
      user.PostMessage(hwnd.get(), DONE, 0, 0);
      return 0;
    });
    assertEquals(List.of("proc starts", "sender got 55", "proc goes on: replied=true senderReleased=true",
        "second ReplyMessage false"), log);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(5, SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @BothModes
  void replyMessageReturnsFalseOutsideAMessageSentByAnotherTask(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    run(Emus.builder(mode), user -> {
      int hwnd = window(user, "w", (h, m, wp, lp) -> {
        log.add("own send " + user.ReplyMessage(1));
        return 2;
      });
      log.add("body " + user.ReplyMessage(1));
      log.add("result " + user.SendMessage(hwnd, WM_USER, 0, 0));
      return 0;
    });
    assertEquals(List.of("body false", "own send false", "result 2"), log);
  }

  @BothModes
  void sendToADestroyedWindowReturnsZero(SchedulingMode mode) throws Exception {
    List<Integer> calls = new CopyOnWriteArrayList<>();
    run(Emus.builder(mode), user -> {
      int stale = window(user, "w", (h, m, wp, lp) -> {
        calls.add(m);
        return 1;
      });
      assertTrue(user.DestroyWindow(stale));
      assertEquals(0, user.SendMessage(stale, WM_USER, 0, 0));
      return 0;
    });
    assertEquals(List.of(), calls);
  }

  @Test
  void win16SendReturnsZeroWhenTheReceiverEndsWithoutProcessingIt() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    AtomicInteger hwnd = new AtomicInteger();
    runTasks(Emus.builder(SchedulingMode.WIN16), user -> {
      hwnd.set(window(user, "w", (h, m, wp, lp) -> {
        log.add("proc " + (m - WM_USER));
        return 1;
      }));
      log.add("receiver yields");
      user.Yield(); // lets the sender run; Yield does not process sent messages
      log.add("receiver returns without pumping");
      return 0;
    }, user -> {
      log.add("sender sends");
      log.add("sender got " + user.SendMessage(hwnd.get(), WM_USER, 0, 0));
      return 0;
    });
    assertEquals(List.of("receiver yields", "sender sends", "receiver returns without pumping", "sender got 0"), log);
  }

  @BothModes
  void sendFromAPlainJavaThreadWaitsForTheOwnerToProcessIt(SchedulingMode mode) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    CountDownLatch ready = new CountDownLatch(1);
    AtomicInteger hwnd = new AtomicInteger();
    try (Emulator emu = Emus.builder(mode).build()) {
      User user = emu.user();
      Task owner = emu.createTask("owner", () -> {
        int me = user.GetCurrentTask();
        hwnd.set(window(user, "w", (h, m, wp, lp) -> {
          log.add("proc " + wp + " " + lp + " on owner=" + (user.GetCurrentTask() == me));
          return wp * lp;
        }));
        ready.countDown();
        return pumpUntilDone(user);
      });
      emu.start();
      assertTrue(ready.await(5, SECONDS));
      log.add("thread got " + user.SendMessage(hwnd.get(), WM_USER, 6, 7));
      user.PostMessage(hwnd.get(), DONE, 0, 0);
      assertEquals(0, Emus.join(owner));
    }
    assertEquals(List.of("proc 6 7 on owner=true", "thread got 42"), log);
  }

  @Test
  void win16CrossTaskSendSwitchesToTheReceiverAndStraightBack() throws Exception {
    TraceRecorder trace = new TraceRecorder();
    AtomicInteger hwnd = new AtomicInteger();
    AtomicInteger receiver = new AtomicInteger();
    AtomicInteger sender = new AtomicInteger();
    runTasks(Emus.builder(SchedulingMode.WIN16).traceSink(trace), user -> {
      receiver.set(user.GetCurrentTask());
      hwnd.set(window(user, "w", (h, m, wp, lp) -> 1));
      return pumpUntilDone(user);
    }, user -> {
      sender.set(user.GetCurrentTask());
      assertEquals(1, user.SendMessage(hwnd.get(), WM_USER, 0, 0));
      user.PostMessage(hwnd.get(), DONE, 0, 0);
      return 0;
    });
    String r = String.format("%04X:first", receiver.get());
    String s = String.format("%04X:second", sender.get());
    List<String> switches = trace.events(e -> e.kind() == TraceKind.SWITCH).stream()
        .map(e -> e.task() + " " + e.name() + " from " + e.field("from")).toList();
    assertEquals(List.of(r + " start from -", s + " GetMessage from " + r, r + " SendMessage from " + s,
        s + " reply from " + r, r + " exit from " + s), switches);
  }
}
