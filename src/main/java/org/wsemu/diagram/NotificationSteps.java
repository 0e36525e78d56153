package org.wsemu.diagram;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.wsemu.trace.TraceEvent;

/**
 * The steps of what happens around the tasks: the network's and the faults' events as notes on
 * the network's lifeline, WSAAsyncSelect and WSAEventSelect notifications and overlapped
 * completions as arrows from the network to the task, asynchronous lookups as arrows to and from
 * the resolver, and the NOTE events (a kill, a checked-mode warning, an endpoint's requests and
 * cancels).
 *
 * <p>Not thread-safe: part of one {@link ModelBuilder}.
 */
final class NotificationSteps {
  private static final Set<String> NET_ERRORS =
      Set.of("refused", "timeout", "drop", "peer-failed", "peer-connect-failed");
  private static final Set<String> FAULT_ERRORS = Set.of("drop", "refuse", "reset", "partition");

  private final ModelBuilder model;
  /** The window each asynchronous lookup replies to, by its handle. */
  private final Map<String, String> lookupWindows = new HashMap<>();

  NotificationSteps(ModelBuilder model) {
    this.model = model;
  }

  void event(TraceEvent e, Lifeline task) {
    switch (e.kind()) {
      case NOTE -> noteEvent(e, task);
      case NET -> model.note(e, model.network(), Labels.plain(e), NET_ERRORS.contains(e.name()));
      case FAULT -> model.note(e, model.network(), "fault " + Labels.plain(e), FAULT_ERRORS.contains(e.name()));
      case ASYNC -> async(e, task);
      case COMPLETION -> model.arrow(e, model.network(), model.socketOwner(e.field("s"), task),
          e.name() + " completes " + Labels.fields(e, "s", "bytes", "error", "via"), Mark.NOTIFY,
          Labels.isError(e.field("error")));
      case VIOLATION -> model.note(e, model.orAny(task), Labels.violation(e), true);
      default -> throw new IllegalArgumentException("not a notification: " + e.kind());
    }
  }

  private void noteEvent(TraceEvent e, Lifeline task) {
    switch (e.name()) {
      case "kill" -> model.note(e, model.orAny(model.task(String.valueOf(e.field("task")))), "killed", true);
      case "checked-mode-warning" -> model.note(e, model.orAny(task), "warning: " + Labels.fields(e, "s", "function", "warning"), true);
      case "EndpointCancel" -> model.arrow(e, model.orAny(task), model.orAny(task),
          "endpoint cancel " + Labels.fields(e, "ep", "by", "why", "style"), Mark.CANCEL, false);
      default -> model.note(e, model.orAny(task), Labels.plain(e), false);
    }
  }

  private void async(TraceEvent e, Lifeline task) {
    switch (e.name()) {
      case "select" -> model.arrow(e, model.network(), model.owner(e.field("hwnd"), model.socketOwner(e.field("s"), task)),
          Labels.text(e.field("event")) + " on s=" + Labels.text(e.field("s")) + ": " + Labels.text(e.field("msg"))
              + (Labels.isError(e.field("error")) ? " " + e.field("error") : ""),
          Mark.NOTIFY, Labels.isError(e.field("error")));
      case "record" -> model.arrow(e, model.network(), model.socketOwner(e.field("s"), task),
          Labels.text(e.field("event")) + " on s=" + Labels.text(e.field("s")) + ": event " + Labels.text(e.field("hEvent"))
              + (Labels.isError(e.field("error")) ? " " + e.field("error") : ""),
          Mark.NOTIFY, Labels.isError(e.field("error")));
      case "queued" -> {
        String handle = Labels.text(e.field("handle"));
        lookupWindows.put(handle, Labels.text(e.field("hwnd")));
        model.arrow(e, model.owner(e.field("hwnd"), task), model.resolver(),
            Labels.text(e.field("function")) + " " + Labels.text(e.field("arg")) + " (handle " + handle + ")",
            Mark.LOOKUP, false);
      }
      case "start" -> model.resolver();
      case "reply" -> model.arrow(e, model.resolver(), model.owner(lookupWindows.get(Labels.text(e.field("handle"))), task),
          "reply " + Labels.fields(e, "handle", "buflen", "error"), Mark.LOOKUP, Labels.isError(e.field("error")));
      case "cancel" -> model.note(e, model.resolver(), "cancelled " + Labels.fields(e, "handle", "why"), false);
      default -> model.note(e, model.orAny(task), Labels.plain(e), false);
    }
  }
}
