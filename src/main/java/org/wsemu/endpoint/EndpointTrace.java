package org.wsemu.endpoint;

import org.wsemu.trace.Trace;
import org.wsemu.trace.TraceKind;

/**
 * The NOTE events of one endpoint: each request made ({@code EndpointRequest}), each completion
 * delivered ({@code EndpointComplete}, and {@code EndpointInput} for a piece of input of the
 * standing input spec), each end of a synchronous request ({@code EndpointReturn}), and the steps
 * of a cancellation ({@code EndpointCancel} when it begins, with what began it, and the
 * completion that ends it marked {@code endsCancel}). Read in order they show the cancellation
 * order.
 *
 * <p>Confined to the owning task's thread (the trace itself is thread-safe).
 */
final class EndpointTrace {
  private final Trace trace; // null: no events
  private final String task;
  private String endpoint = "-";

  EndpointTrace(Trace trace, String task) {
    this.trace = trace;
    this.task = task;
  }

  void window(int hwnd) {
    endpoint = String.format("0x%04X", hwnd);
  }

  void request(Request r) {
    if (on()) {
      trace.event(TraceKind.NOTE, task, "EndpointRequest").with("ep", endpoint).with("request", r.name())
          .with("style", r.async ? "async" : "sync").with("reqTimeout", r.reqTimeout).emit();
    }
  }

  void complete(Request r, int result, boolean endsCancel) {
    if (on()) {
      Trace.EventBuilder e = trace.event(TraceKind.NOTE, task, "EndpointComplete").with("ep", endpoint)
          .with("request", r.name()).with("result", result).with("code", CommErrors.name(result));
      if (endsCancel) {
        e.with("endsCancel", true);
      }
      e.emit();
    }
  }

  void input(Request r, int bytes) {
    if (on()) {
      trace.event(TraceKind.NOTE, task, "EndpointInput").with("ep", endpoint).with("request", r.name())
          .with("bytes", bytes).emit();
    }
  }

  void syncEnd(Request r) {
    if (on()) {
      trace.event(TraceKind.NOTE, task, "EndpointReturn").with("ep", endpoint).with("request", r.name())
          .with("result", r.result).with("code", CommErrors.name(r.result)).emit();
    }
  }

  void cancel(Request by, String why) {
    if (on()) {
      trace.event(TraceKind.NOTE, task, "EndpointCancel").with("ep", endpoint).with("by", by.name())
          .with("why", why).with("style", by.async ? "async" : "sync").emit();
    }
  }

  private boolean on() {
    return trace != null && trace.enabled();
  }
}
