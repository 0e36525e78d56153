package org.wsemu.endpoint;

/**
 * An end waiting in the endpoint's completion queue: a request's completion (its CompletionScript,
 * or for a synchronous request the wake-up of its wait), or a piece of input for the standing
 * input spec's InputScript.
 *
 * @param request the request
 * @param result its result code (ignored for a piece of input)
 * @param data what it carried, or the piece of input
 * @param endsCancel whether this completion ends a cancel in progress
 * @param input whether this is a piece of input for the InputScript rather than a completion
 */
record Completion(Request request, int result, byte[] data, boolean endsCancel, boolean input) {}
