package org.wsemu.endpoint;

import java.util.Objects;
import org.wsemu.trace.Trace;
import org.wsemu.user.User;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * A communication endpoint with the semantics of the Newton Endpoint Interface (Apple, <i>Newton
 * Programmer's Guide</i>, chapter 23): one stream socket, owned by the task that instantiated it,
 * with requests that run synchronously or asynchronously and a defined order when they are
 * cancelled.
 *
 * <pre>{@code
 * import org.wsemu.endpoint.*;
 * Endpoint ep = Endpoint.Instantiate(ws, user, emu.trace());   // on the owning task
 * ep.Bind(null, null);                                          // synchronous
 * ep.Connect(sin, CallbackSpec.sync().withTimeout(5000));
 * ep.SetInputSpec(InputSpec.endSequence(new byte[] {'\n'})
 *     .withInputScript((endpoint, line) -> System.out.print(new String(line))));
 * ep.Output(new byte[] {'H', 'I', '\n'}, CallbackSpec.async((endpoint, data, result) -> {}));
 * ...
 * ep.Disconnect(true, null);
 * ep.UnBind(null);
 * ep.Dispose();
 * }</pre>
 *
 * <h2>Synchronous and asynchronous requests</h2>
 *
 * <p>Each request takes a {@link CallbackSpec}. Synchronous ({@code null} or not async): the call
 * waits as a pseudo-blocking call of the owning task, dispatching the task's messages meanwhile
 * (the endpoint's own first, then through the blocking hook the task installed with
 * WSASetBlockingHook, else with PeekMessage and DispatchMessage; idle, it waits with WaitMessage),
 * and returns when the request has ended, or throws {@link EndpointException} with the result
 * code. Asynchronous: the call returns at once, and the spec's {@link CompletionScript} runs later
 * on the owning task, from its message queue, with the result code (0 for success). A failure an
 * asynchronous request meets at once (not connected, a cancel in progress...) also arrives through
 * its CompletionScript, never as an exception.
 *
 * <h2>Cancellation</h2>
 *
 * <p>{@link #Cancel}, {@link #Disconnect} with {@code cancelPending}, and an expired
 * {@code reqTimeout} cancel every outstanding request. Asynchronously (Cancel or Disconnect called
 * asynchronously, or an asynchronous request's time-out): (1) each pending asynchronous request
 * completes with {@link CommErrors#kCommErrRequestCanceled} (-16005), in the order they were made;
 * (2) the cancel completes, to the CompletionScript of Cancel or Disconnect, or for a time-out to
 * that of the request that timed out (the input spec's, if it was the input spec); (3) a pending
 * synchronous request throws an {@link EndpointException} with -16005. Synchronously (Cancel or
 * Disconnect called synchronously, or a synchronous request's time-out): the pending asynchronous
 * requests complete with -16005, then the method returns, or the request that timed out throws
 * -16005. Any request made while a cancel is in progress (from when an asynchronous Cancel is
 * called until its own completion, including requests that CompletionScripts make meanwhile) fails
 * with {@link CommErrors#TACCESS} (-36003).
 *
 * <p>Completions are delivered one per message of the endpoint's hidden window, in the order the
 * requests ended. A cancel leaves the endpoint usable (the connection stays; a cancelled Connect or
 * Listen leaves it bound); a cancelled Output reports the bytes it had handed to the socket; bytes
 * received before a cancel stay for the next Input. The choices where the Newton documentation is
 * silent are listed in {@code docs/behaviour.md}, "Endpoints: cancellation".
 *
 * <h2>Misuse</h2>
 *
 * <p>A request from a thread other than the owning task's throws
 * {@link org.wsemu.task.TaskThreadException}; a request after {@link #Dispose} throws
 * {@link IllegalStateException}; a null argument throws {@link NullPointerException} naming it;
 * bad values throw {@link IllegalArgumentException} (the specs check theirs when they are made). A
 * CompletionScript that throws goes to the emulator's callback exception handler, like any window
 * procedure.
 *
 * <p>Threading: every method must be called on the owning task's thread; scripts run there too.
 */
public final class Endpoint {

  private Engine engine;

  private Endpoint() {}

  /**
   * Creates an endpoint owned by the calling task, with its hidden window. Calls WSAStartup
   * (version 1.1) for the task; {@link #Dispose} calls WSACleanup.
   *
   * @param ws the emulator's Winsock
   * @param user the emulator's USER
   * @param trace the emulator's trace (requests, completions and cancel steps become NOTE events),
   *     or {@code null} for none
   * @throws org.wsemu.task.TaskThreadException if not called on a task's thread
   * @throws EndpointException if WSAStartup or the hidden window fails
   */
  public static Endpoint Instantiate(WinsockApi ws, User user, Trace trace) {
    WSADATA data = new WSADATA();
    int started = ws.WSAStartup(0x0101, data);
    if (started != 0) {
      throw new EndpointException("Instantiate", CommErrors.fromWinsock(started), null);
    }
    int hTask = user.GetCurrentTask();
    Endpoint ep = new Endpoint();
    try {
      ep.engine = new Engine(ep, ws, user, new EndpointTrace(trace, taskLabel(hTask)));
    } catch (RuntimeException e) {
      ws.WSACleanup();
      throw e;
    }
    return ep;
  }

  /**
   * Creates the socket and binds it to a local address.
   *
   * @param local the local address, or {@code null} for any address and port
   * @param spec how the request runs, or {@code null} for synchronous
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrAlreadyBound} when bound,
   *     a code of {@link CommErrors#fromWinsock} when socket or bind fails
   */
  public void Bind(sockaddr_in local, CallbackSpec spec) {
    Request r = engine.admit(RequestKind.BIND, spec);
    r.address = local == null ? null : new sockaddr_in(local.sin_port, local.sin_addr.s_addr);
    engine.run(r, engine.connection::bind);
  }

  /**
   * Connects to a remote address; ends when the connection is established or refused.
   *
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrNotBound},
   *     {@link CommErrors#kCommErrAlreadyConnected}, {@link CommErrors#kCommErrNoConnectionEnd}
   *     (refused), -16005 (cancelled or timed out)...
   */
  public void Connect(sockaddr_in remote, CallbackSpec spec) {
    Objects.requireNonNull(remote, "remote");
    Request r = engine.admit(RequestKind.CONNECT, spec);
    r.address = new sockaddr_in(remote.sin_port, remote.sin_addr.s_addr);
    engine.run(r, engine.connection::connect);
  }

  /**
   * Listens on the bound address and waits for a connection; ends when one arrives (then
   * {@link #Accept} takes it).
   *
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrNotBound},
   *     {@link CommErrors#kCommErrAlreadyConnected}, -16005 (cancelled or timed out)...
   */
  public void Listen(CallbackSpec spec) {
    engine.run(engine.admit(RequestKind.LISTEN, spec), engine.connection::listen);
  }

  /**
   * Accepts the connection a completed {@link #Listen} found: the endpoint is then connected to it
   * and the listening socket is closed.
   *
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrBadCommand} when no Listen
   *     has completed
   */
  public void Accept(CallbackSpec spec) {
    engine.run(engine.admit(RequestKind.ACCEPT, spec), engine.connection::accept);
  }

  /**
   * Sends bytes; ends when all of them have been handed to the socket. Outputs are sent one after
   * another in the order made.
   *
   * @param data the bytes (copied); may be empty
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrNotConnected}, -16005 with
   *     the bytes sent before the cancel in {@link EndpointException#data()}...
   */
  public void Output(byte[] data, CallbackSpec spec) {
    Objects.requireNonNull(data, "data");
    Request r = engine.admit(RequestKind.OUTPUT, spec);
    r.output = data.clone();
    engine.run(r, this::startOutput);
  }

  /**
   * Receives one piece of input as {@code inputSpec} says (its byte count, its end sequence). The
   * request's time-out is the callback spec's, else the input spec's. Inputs are served in the
   * order made; bytes received and not yet taken stay for the next Input.
   *
   * @return the bytes (synchronous); {@code null} when asynchronous (they go to the
   *     CompletionScript's {@code data})
   * @throws EndpointException (synchronous) {@link CommErrors#kCommErrNotConnected},
   *     {@link CommErrors#kCommErrCommandInProgress} while an input spec is set, -16005...
   */
  public byte[] Input(InputSpec inputSpec, CallbackSpec spec) {
    Objects.requireNonNull(inputSpec, "inputSpec");
    CallbackSpec how = spec == null ? CallbackSpec.sync() : spec;
    if (how.reqTimeout() == 0 && inputSpec.reqTimeout() > 0) {
      how = how.withTimeout(inputSpec.reqTimeout());
    }
    Request r = engine.admit(RequestKind.INPUT, how);
    r.inputSpec = inputSpec;
    return engine.run(r, this::startInput);
  }

  /**
   * Sets (or with {@code null} clears) the standing input request: each piece of input that meets
   * the spec goes to its {@link InputScript}, and the spec stays set. Its time-out, when it
   * expires, cancels as an asynchronous request's does, completing to the spec's CompletionScript,
   * and clears the spec. Clearing it with {@code null} ends it without a completion (a completion
   * already queued is still delivered). Always immediate: it neither waits nor completes.
   *
   * @throws EndpointException {@link CommErrors#kCommErrNotConnected} when not connected,
   *     {@link CommErrors#TACCESS} during a cancel, {@link CommErrors#kCommErrCommandInProgress}
   *     while Input requests are pending
   */
  public void SetInputSpec(InputSpec inputSpec) {
    engine.checkCaller(RequestKind.INPUT_SPEC);
    for (Request old : engine.outstanding(RequestKind.INPUT_SPEC)) {
      engine.pending.remove(old);
      engine.killTimer(old);
    }
    if (inputSpec == null) {
      return;
    }
    Request r = new Request(engine.nextId(), RequestKind.INPUT_SPEC, true, inputSpec.completionScript(),
        inputSpec.reqTimeout());
    r.inputSpec = inputSpec;
    engine.trace.request(r);
    int refusal = inputRefusal();
    if (refusal == CommErrors.noErr && engine.first(RequestKind.INPUT) != null) {
      refusal = CommErrors.kCommErrCommandInProgress;
    }
    if (engine.cancelInProgress) {
      refusal = CommErrors.TACCESS;
    }
    if (refusal != CommErrors.noErr) {
      throw new EndpointException("SetInputSpec", refusal, null);
    }
    engine.run(r, ignored -> engine.transfers.pumpInput());
  }

  /**
   * Ends the connection. With {@code cancelPending} it first cancels every outstanding request
   * (a cancellation in this request's style, completing to this spec); without, it waits until the
   * pending Outputs have been sent, completes the pending Inputs with
   * {@link CommErrors#kCommErrConnectionAborted}, then closes gracefully. The endpoint is then
   * DISCONNECTED.
   */
  public void Disconnect(boolean cancelPending, CallbackSpec spec) {
    Request r = engine.admit(RequestKind.DISCONNECT, spec);
    r.cancelPending = cancelPending;
    if (!cancelPending) {
      engine.run(r, engine.connection::disconnectGracefully);
      return;
    }
    int refusal = engine.connection.disconnectRefusal();
    if (refusal != CommErrors.noErr) {
      engine.run(r, refused -> engine.finish(refused, refusal, null));
      return;
    }
    engine.cancelBy(r, engine.connection::close);
  }

  /**
   * Cancels every outstanding request, in the order the class documentation gives. With nothing
   * outstanding it succeeds (0). The endpoint stays in its state: a connection stays up; a
   * cancelled Connect or Listen leaves it BOUND.
   */
  public void Cancel(CallbackSpec spec) {
    engine.cancelBy(engine.admit(RequestKind.CANCEL, spec), null);
  }

  /** Closes the socket; the endpoint is UNBOUND and may be bound again. */
  public void UnBind(CallbackSpec spec) {
    engine.run(engine.admit(RequestKind.UNBIND, spec), engine.connection::unbind);
  }

  /**
   * Releases the endpoint: cancels what is outstanding (as a synchronous Cancel), closes the
   * socket, destroys the hidden window, calls WSACleanup. Always synchronous; a second Dispose
   * does nothing.
   */
  public void Dispose() {
    engine.checkOwner(RequestKind.DISPOSE);
    if (!engine.disposed) {
      engine.dispose();
    }
  }

  /**
   * The local address of the endpoint's socket (getsockname), for example to learn the port an
   * endpoint bound with port 0 listens on; {@code null} when there is no socket.
   */
  public sockaddr_in LocalAddress() {
    engine.checkCaller("LocalAddress");
    return engine.connection.localAddress();
  }

  /** The endpoint's state. */
  public EndpointState State() {
    return engine.disposed ? EndpointState.DISPOSED : engine.connection.state;
  }

  private void startOutput(Request r) {
    int refusal = engine.connection.gracefulDisconnect != null ? CommErrors.kCommErrReleasingConnection
        : engine.connection.state != EndpointState.CONNECTED ? CommErrors.kCommErrNotConnected : CommErrors.noErr;
    if (refusal != CommErrors.noErr) {
      engine.finish(r, refusal, new byte[0]);
      return;
    }
    if (engine.first(RequestKind.OUTPUT) == r) {
      engine.transfers.pumpOutput();
    }
  }

  private void startInput(Request r) {
    int refusal = inputRefusal();
    if (refusal == CommErrors.noErr && engine.first(RequestKind.INPUT_SPEC) != null) {
      refusal = CommErrors.kCommErrCommandInProgress;
    }
    if (refusal != CommErrors.noErr) {
      engine.finish(r, refusal, null);
      return;
    }
    engine.transfers.pumpInput();
  }

  /** Input is possible when connected, or when disconnected while bytes may be left. */
  private int inputRefusal() {
    if (engine.connection.gracefulDisconnect != null) {
      return CommErrors.kCommErrReleasingConnection;
    }
    EndpointState state = engine.connection.state;
    return state == EndpointState.CONNECTED || state == EndpointState.DISCONNECTED ? CommErrors.noErr
        : CommErrors.kCommErrNotConnected;
  }

  /**
   * The task's label in the trace ({@code "0001:app"}): the emulator names a task's thread
   * {@code "wsemu-<emulator>-task-<label>"}; the handle alone if the thread is named otherwise.
   */
  private static String taskLabel(int hTask) {
    String handle = String.format("%04X", hTask);
    String thread = Thread.currentThread().getName();
    int at = thread.lastIndexOf("-task-" + handle + ":");
    return at >= 0 ? thread.substring(at + "-task-".length()) : handle;
  }

  @Override
  public String toString() {
    return "Endpoint[" + (engine.disposed ? "DISPOSED" : engine.connection.state) + "]";
  }
}
