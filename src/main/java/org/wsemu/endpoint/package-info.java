/**
 * Endpoints with the semantics of the Newton Endpoint Interface: {@link org.wsemu.endpoint.Endpoint}
 * wraps one stream socket, runs each request synchronously (pseudo-blocking) or asynchronously
 * (completing through a {@link org.wsemu.endpoint.CompletionScript}), and cancels outstanding
 * requests in a defined order, with the Newton result codes of {@link org.wsemu.endpoint.CommErrors}.
 *
 * <p>Built only on the public API of USER and Windows Sockets (WSAAsyncSelect on a hidden window,
 * non-blocking sockets, SetTimer for time-outs), like an application would be.
 *
 * <p>Threading: an endpoint is confined to the task that instantiated it. Its requests are called
 * there, its scripts run there, and everything that drives it (socket notifications, completions,
 * time-outs) arrives through that task's message queue; it shares no state with other threads and
 * holds no lock.
 */
package org.wsemu.endpoint;
