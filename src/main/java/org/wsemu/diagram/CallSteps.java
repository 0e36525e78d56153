package org.wsemu.diagram;

import java.util.Set;
import org.wsemu.trace.TraceEvent;

/**
 * The steps of CALL events: a self-arrow for most calls, an arrow to the window's task for a
 * posted message, the return arrow of SendMessage, cancels towards what they cancel (a closesocket
 * of a socket another task's blocking call waits on is one, towards that task), lookups answered by
 * the resolver.
 *
 * <p>Not thread-safe: part of one {@link ModelBuilder}.
 */
final class CallSteps {
  /**
   * Calls the diagram shows otherwise: the window procedure's arrow and bar show the dispatch, the
   * time column what GetTickCount returns.
   */
  static final Set<String> FOLDED = Set.of("TranslateMessage", "DispatchMessage", "DefWindowProc", "GetTickCount");
  private static final Set<String> POSTS = Set.of("PostMessage", "PostAppMessage");
  private static final Set<String> MESSAGE_GETTERS = Set.of("GetMessage", "PeekMessage");

  private final ModelBuilder model;

  CallSteps(ModelBuilder model) {
    this.model = model;
  }

  void call(TraceEvent e, Lifeline task) {
    String name = e.name();
    boolean error = Labels.isError(e.field("error"));
    model.usesSocket(e.field("s"), task);
    if (name.equals("CreateWindow")) {
      model.ownsWindow(e.field("ret"), task);
    }
    if (POSTS.contains(name)) {
      boolean refused = error || "false".equals(String.valueOf(e.field("ret")));
      model.arrow(e, task, model.owner(e.field("hWnd"), task),
          name + " " + Labels.text(e.field("Msg")) + params(e), Mark.POST, refused);
    } else if (name.equals("SendMessage")) {
      model.arrow(e, model.owner(e.field("hWnd"), task), task,
          "SendMessage " + Labels.text(e.field("Msg")) + " returned " + Labels.text(e.field("ret")), Mark.REPLY, error);
    } else if (name.equals("closesocket") && !error && model.blockedElsewhere(e.field("s"), task) != null) {
      model.arrow(e, task, model.blockedElsewhere(e.field("s"), task), Labels.call(e), Mark.CANCEL, false);
    } else if (name.equals("WSACancelBlockingCall") || name.equals("CancelIo")) {
      model.arrow(e, task, task, Labels.call(e), Mark.CANCEL, error);
    } else if (name.equals("WSACancelAsyncRequest")) {
      model.arrow(e, task, model.resolver(), Labels.call(e), Mark.CANCEL, error);
    } else if (ModelBuilder.LOOKUPS.contains(name)) {
      model.arrow(e, model.resolver(), task, Labels.call(e), Mark.LOOKUP, error);
    } else {
      model.arrow(e, task, task, Labels.call(e), Mark.CALL, error);
    }
  }

  /** Whether the diagram leaves the call out when it folds: it shows it otherwise. */
  static boolean folded(TraceEvent e) {
    if (FOLDED.contains(e.name())) {
      return true;
    }
    // GetMessage and PeekMessage that returned a message: its dispatch is drawn. WM_QUIT (0) stays.
    return MESSAGE_GETTERS.contains(e.name()) && e.field("msg") != null
        && !"0".equals(String.valueOf(e.field("ret"))) && !"false".equals(String.valueOf(e.field("ret")));
  }

  private static String params(TraceEvent e) {
    StringBuilder sb = new StringBuilder();
    for (String key : new String[] {"wParam", "lParam"}) {
      Object value = e.field(key);
      if (value != null && !String.valueOf(value).matches("0x0*|0")) {
        sb.append(' ').append(key).append('=').append(value);
      }
    }
    return sb.toString();
  }
}
