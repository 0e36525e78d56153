/**
 * Runnable programs written the way Win16 programs were: a quote server and the quote clients,
 * one with blocking calls and a custom blocking hook ({@link org.wsemu.samples.QuoteClient}), one
 * asynchronous ({@link org.wsemu.samples.AsyncQuoteClient}), one with Winsock 2 overlapped I/O
 * ({@link org.wsemu.samples.OverlappedQuoteClient}); a terminal session on a Newton-style endpoint
 * ({@link org.wsemu.samples.EndpointSession}) with its line server
 * ({@link org.wsemu.samples.LineServer}); and the message-loop demonstration
 * ({@link org.wsemu.samples.MessageLoopDemo}). The command line runs them; they are not part of
 * the library.
 */
package org.wsemu.samples;
