package org.wsemu.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.trace.TraceKind.ASYNC;
import static org.wsemu.trace.TraceKind.BLOCK;
import static org.wsemu.trace.TraceKind.CALL;
import static org.wsemu.trace.TraceKind.CLOCK;
import static org.wsemu.trace.TraceKind.COMPLETION;
import static org.wsemu.trace.TraceKind.HOOK;
import static org.wsemu.trace.TraceKind.NET;
import static org.wsemu.trace.TraceKind.PROC;
import static org.wsemu.trace.TraceKind.PROC_END;
import static org.wsemu.trace.TraceKind.SWITCH;
import static org.wsemu.trace.TraceKind.TASK;
import static org.wsemu.trace.TraceKind.UNBLOCK;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
  private static final String MAIN = "0001:main";
  private static final String OTHER = "0002:other";

  @Test
  void aNestedCallRefusedInsideABlockingRecv() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(MAIN, CALL, "CreateWindow", "lpClassName", "Nested", "ret", "0x0100")
        .add(MAIN, BLOCK, "recv", "s", 3, "level", 1)
        .add(MAIN, CALL, "TranslateMessage", "msg", "WM_USER+0x0000", "ret", false)
        .add(MAIN, PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "wParam", "0x0000", "lParam", "0x00000000",
            "via", "DispatchMessage", "depth", 2)
        .add(MAIN, CALL, "recv", "s", 2, "len", 1, "flags", 0, "ret", -1, "error", "WSAEINPROGRESS")
        .add(MAIN, CALL, "WSACancelBlockingCall", "ret", 0)
        .add(MAIN, PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "ret", 0, "depth", 2)
        .add(MAIN, CALL, "DispatchMessage", "msg", "WM_USER+0x0000", "hwnd", "0x0100", "ret", 0)
        .at(1)
        .add(MAIN, HOOK, "DefaultBlockingHook", "ret", false)
        .add(MAIN, UNBLOCK, "recv", "s", 3, "ret", -1, "error", "WSAEINTR", "cancelled", true)
        .add(MAIN, CALL, "recv", "s", 3, "len", 1, "flags", 0, "ret", -1, "error", "WSAEINTR")
        .list();

    DiagramModel model = ModelBuilder.build(events, DiagramOptions.defaults());

    assertEquals(List.of("T1 0001:main"), lifelines(model));
    assertEquals(List.of(
        "0 T1->T1 call CreateWindow(lpClassName=Nested) = 0x0100",
        "0 T1->T1 block recv blocks (s=3 level=1)",
        "activate T1",
        "0 T1->T1 callback WndProc WM_USER+0x0000",
        "activate T1",
        "0 T1->T1 call error recv(s=2, len=1, flags=0) = -1 WSAEINPROGRESS",
        "0 T1->T1 cancel WSACancelBlockingCall() = 0",
        "deactivate T1",
        "1 T1->T1 hook DefaultBlockingHook = false",
        "deactivate T1",
        "1 T1->T1 call error recv(s=3, len=1, flags=0) = -1 WSAEINTR"), steps(model));
  }

  @Test
  void aViolationIsAnErrorNoteOverTheViolatingTaskWithoutItsRuleSentence() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(MAIN, CALL, "WSACleanup", "ret", -1, "error", "WSANOTINITIALISED")
        .add(MAIN, org.wsemu.trace.TraceKind.VIOLATION, "startup-unbalanced", "function", "WSACleanup", "startups", 0,
            "rule", "every successful WSAStartup needs one WSACleanup, and no more")
        .list();

    DiagramModel model = ModelBuilder.build(events, DiagramOptions.defaults());

    assertEquals(List.of(
        "0 T1->T1 call error WSACleanup() = -1 WSANOTINITIALISED",
        "0 note T1 error violation: startup-unbalanced function=WSACleanup startups=0"), steps(model));
  }

  @Test
  void messagesGoToTheTaskOwningTheWindowAndSendMessageReturnsToItsCaller() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add("-", TASK, "create", "task", MAIN)
        .add("-", TASK, "create", "task", OTHER)
        .add(MAIN, CALL, "CreateWindow", "lpClassName", "W", "ret", "0x0100")
        .add(OTHER, CALL, "PostMessage", "hWnd", "0x0100", "Msg", "WM_KEYDOWN", "wParam", "0x0048", "lParam", "0x00000000",
            "ret", true)
        .add(OTHER, CALL, "PostMessage", "hWnd", "0x0999", "Msg", "WM_USER+0x0001", "wParam", "0x0000", "lParam", "0x00000000",
            "ret", false)
        .add(MAIN, SWITCH, "SendMessage", "from", OTHER)
        .add(MAIN, PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0002", "wParam", "0x0000", "lParam", "0x00000000",
            "via", "SendMessage", "depth", 1)
        .add(MAIN, PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0002", "ret", 7, "depth", 1)
        .add(OTHER, SWITCH, "reply", "from", MAIN)
        .add(OTHER, CALL, "SendMessage", "hWnd", "0x0100", "Msg", "WM_USER+0x0002", "wParam", "0x0000", "lParam", "0x00000000",
            "ret", 7)
        .list();

    DiagramModel model = ModelBuilder.build(events, DiagramOptions.defaults());

    assertEquals(List.of("T1 0001:main", "T2 0002:other"), lifelines(model));
    assertEquals(List.of(
        "0 T1->T1 call CreateWindow(lpClassName=W) = 0x0100",
        "0 T2->T1 post PostMessage WM_KEYDOWN wParam=0x0048",
        "0 T2->T2 post error PostMessage WM_USER+0x0001", // refused (no such window): to its own task
        "0 T2->T1 send SendMessage WM_USER+0x0002",
        "activate T1",
        "deactivate T1",
        "0 T1->T2 reply SendMessage WM_USER+0x0002 returned 7"), steps(model));
  }

  @Test
  void theNetworkAndTheResolverNotifyTheTaskOwningTheWindow() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(MAIN, CALL, "CreateWindow", "lpClassName", "W", "ret", "0x0100")
        .add("net", NET, "syn", "from", "127.0.0.1:49153", "to", "127.0.0.1:49152")
        // Winsock posts the notification from the thread it runs on: drawn once, from the network
        .add(MAIN, CALL, "PostMessage", "hWnd", "0x0100", "Msg", "WM_USER+0x0001", "wParam", "0x0001", "lParam", "0x00000008",
            "ret", true)
        .add("-", ASYNC, "select", "s", 1, "event", "FD_ACCEPT", "error", "0", "hwnd", "0x0100", "msg", "WM_USER+0x0001")
        .add("-", ASYNC, "select", "s", 2, "event", "FD_CONNECT", "error", "WSAECONNREFUSED", "hwnd", "0x0100", "msg", "WM_USER+0x0001")
        .add("-", ASYNC, "queued", "handle", "0x0001", "function", "WSAAsyncGetHostByName", "arg", "example", "hwnd", "0x0100",
            "msg", "WM_USER+0x0002")
        .add("-", ASYNC, "start", "handle", "0x0001")
        .add(MAIN, CALL, "PostMessage", "hWnd", "0x0100", "Msg", "WM_USER+0x0002", "wParam", "0x0001", "lParam", "0x2AF90000",
            "ret", true)
        .add("-", ASYNC, "reply", "handle", "0x0001", "buflen", 0, "error", "WSAHOST_NOT_FOUND")
        .add(MAIN, CALL, "WSACancelAsyncRequest", "hAsyncTaskHandle", 1, "ret", -1, "error", "WSAEALREADY")
        .add(MAIN, CALL, "WSARecv", "s", 2, "buffers", 1, "ret", -1, "error", "WSA_IO_PENDING") // started, not failed
        .add(MAIN, COMPLETION, "WSARecv", "s", 2, "bytes", 5, "error", "0", "via", "routine")
        .list();

    DiagramModel model = ModelBuilder.build(events, DiagramOptions.defaults());

    assertEquals(List.of("T1 0001:main", "NET network", "RES resolver"), lifelines(model));
    assertEquals(List.of(
        "0 T1->T1 call CreateWindow(lpClassName=W) = 0x0100",
        "0 note NET syn from=127.0.0.1:49153 to=127.0.0.1:49152",
        "0 NET->T1 notify FD_ACCEPT on s=1: WM_USER+0x0001",
        "0 NET->T1 notify error FD_CONNECT on s=2: WM_USER+0x0001 WSAECONNREFUSED",
        "0 T1->RES lookup WSAAsyncGetHostByName example (handle 0x0001)",
        "0 RES->T1 lookup error reply handle=0x0001 buflen=0 error=WSAHOST_NOT_FOUND",
        "0 T1->RES cancel error WSACancelAsyncRequest(hAsyncTaskHandle=1) = -1 WSAEALREADY",
        "0 T1->T1 call WSARecv(s=2, buffers=1) = -1 WSA_IO_PENDING",
        "0 NET->T1 notify WSARecv completes s=2 bytes=5 error=0 via=routine"), steps(model));
  }

  @Test
  void closingASocketAnotherTaskIsBlockedOnIsACancelTowardsThatTask() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(OTHER, BLOCK, "recv", "s", 5, "level", 1)
        .add(MAIN, CALL, "closesocket", "s", 5, "ret", 0)
        .add(OTHER, UNBLOCK, "recv", "s", 5, "ret", -1, "error", "WSAEINTR", "cancelled", false)
        .add(OTHER, CALL, "recv", "s", 5, "len", 1, "flags", 0, "ret", -1, "error", "WSAEINTR")
        .add(MAIN, CALL, "closesocket", "s", 5, "ret", -1, "error", "WSAENOTSOCK")
        .list();

    assertEquals(List.of(
        "0 T1->T1 block recv blocks (s=5 level=1)",
        "activate T1",
        "0 T2->T1 cancel closesocket(s=5) = 0",
        "deactivate T1",
        "0 T1->T1 call error recv(s=5, len=1, flags=0) = -1 WSAEINTR",
        "0 T2->T2 call error closesocket(s=5) = -1 WSAENOTSOCK"), steps(ModelBuilder.build(events, DiagramOptions.defaults())));
  }

  @Test
  void aBlockingLookupAsksTheResolverWhichAnswers() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(MAIN, BLOCK, "gethostbyname", "s", 0, "level", 1)
        .add(MAIN, HOOK, "DefaultBlockingHook", "ret", false)
        .add(MAIN, UNBLOCK, "gethostbyname", "s", 0, "ret", 0, "error", "0", "cancelled", false)
        .add(MAIN, CALL, "gethostbyname", "name", "example", "ret", "10.0.0.2")
        .list();

    assertEquals(List.of(
        "0 T1->RES lookup gethostbyname blocks",
        "activate T1",
        "0 T1->T1 hook DefaultBlockingHook = false",
        "deactivate T1",
        "0 RES->T1 lookup gethostbyname(name=example) = 10.0.0.2"), steps(ModelBuilder.build(events, DiagramOptions.defaults())));
  }

  @Test
  void pollingCollapsesIntoOneArrowWithItsCount() {
    Events events = new Events().add(MAIN, CALL, "socket", "af", "AF_INET", "type", "SOCK_STREAM", "protocol", 0, "ret", 1);
    for (int i = 0; i < 10_000; i++) {
      events.at(i).add(MAIN, CALL, "PeekMessage", "hWnd", "0x0000", "wMsgFilterMin", "0", "wMsgFilterMax", "0",
          "wRemoveMsg", "PM_REMOVE", "ret", false);
      events.add(MAIN, CALL, "GetTickCount", "ret", i);
      events.add(MAIN, CLOCK, "busy-wait", "from", i, "to", i + 1);
    }
    events.add(MAIN, CALL, "closesocket", "s", 1, "ret", 0);

    DiagramModel collapsed = ModelBuilder.build(events.list(), DiagramOptions.defaults());
    assertEquals(List.of(
        "0 T1->T1 call socket(af=AF_INET, type=SOCK_STREAM, protocol=0) = 1",
        "0 T1->T1 call PeekMessage(wRemoveMsg=PM_REMOVE) = false x10000",
        "9999 T1->T1 call closesocket(s=1) = 0"), steps(collapsed));

    DiagramModel everything = ModelBuilder.build(events.list(), DiagramOptions.defaults().collapse(false).fold(false).maxRows(100));
    assertEquals(100, everything.arrows());
    assertEquals(20_002 - 100, everything.omitted()); // the events drawn (clock jumps are not) past the first 100
  }

  @Test
  void aCycleOfSeveralDrawnEventsIsBoxedWithItsCount() {
    Events events = new Events();
    for (int i = 0; i < 3; i++) {
      events.at(10 * i).add(MAIN, CALL, "recv", "s", 1, "len", 1, "flags", 0, "ret", -1, "error", "WSAEWOULDBLOCK");
      events.add(MAIN, CALL, "Yield", "ret", 0);
    }

    assertEquals(List.of(
        "loop x3 t=0..20",
        "0 T1->T1 call error recv(s=1, len=1, flags=0) = -1 WSAEWOULDBLOCK",
        "0 T1->T1 call Yield() = 0",
        "end"), steps(ModelBuilder.build(events.list(), DiagramOptions.defaults())));
  }

  @Test
  void aCycleWithOneDrawnRowIsThatRowWithItsCountAndItsBar() {
    Events events = new Events();
    for (int i = 0; i < 3; i++) {
      events.add(MAIN, PROC, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0001", "wParam", "0x0000", "lParam", "0x00000000",
          "via", "DispatchMessage", "depth", 1);
      events.add(MAIN, PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0001", "ret", 0, "depth", 1);
    }

    assertEquals(List.of(
        "0 T1->T1 callback WndProc WM_USER+0x0001 x3",
        "activate T1",
        "deactivate T1"), steps(ModelBuilder.build(events.list(), DiagramOptions.defaults())));
  }

  @Test
  void barsStayBalancedWhenTheTraceIsCutAtEitherEnd() {
    List<org.wsemu.trace.TraceEvent> events = new Events()
        .add(MAIN, PROC_END, "WndProc", "hwnd", "0x0100", "msg", "WM_USER+0x0000", "ret", 0, "depth", 1)
        .add(MAIN, UNBLOCK, "recv", "s", 3, "ret", 1, "error", "0", "cancelled", false)
        .add(MAIN, BLOCK, "accept", "s", 1, "level", 1)
        .add(MAIN, PROC, "TimerProc", "hwnd", "0x0000", "id", "0x0001", "depth", 1)
        .list();

    assertEquals(List.of(
        "0 T1->T1 block accept blocks (s=1 level=1)",
        "activate T1",
        "0 T1->T1 callback TimerProc hwnd=0x0000 id=0x0001",
        "activate T1",
        "deactivate T1",
        "deactivate T1"), steps(ModelBuilder.build(events, DiagramOptions.defaults())));
  }

  @Test
  void anEmptyTraceHasNoLifelineAndNoStep() {
    DiagramModel model = ModelBuilder.build(List.of(), DiagramOptions.defaults());
    assertEquals(List.of(), model.lifelines());
    assertEquals(List.of(), model.steps());
  }

  static List<String> lifelines(DiagramModel model) {
    return model.lifelines().stream().map(l -> l.id() + " " + l.label()).toList();
  }

  /** The steps in one line each: time, from->to, mark, error, text, count; notes, bars and boxes. */
  static List<String> steps(DiagramModel model) {
    return model.steps().stream().map(ModelBuilderTest::step).collect(Collectors.toList());
  }

  private static String step(Step step) {
    if (step instanceof Step.Arrow a) {
      return a.time() + " " + a.from().id() + "->" + a.to().id() + " " + a.mark().cssClass() + (a.error() ? " error " : " ")
          + a.text() + (a.repeats() > 1 ? " x" + a.repeats() : "");
    } else if (step instanceof Step.Note n) {
      return n.time() + " note " + n.over().id() + (n.error() ? " error " : " ") + n.text() + (n.repeats() > 1 ? " x" + n.repeats() : "");
    } else if (step instanceof Step.Activate a) {
      return "activate " + a.who().id();
    } else if (step instanceof Step.Deactivate d) {
      return "deactivate " + d.who().id();
    } else if (step instanceof Step.LoopStart l) {
      return "loop x" + l.repeats() + " t=" + l.firstTime() + ".." + l.lastTime();
    }
    return "end";
  }
}
