/**
 * Runnable programs written the way Win16 programs were: a quote server and two quote clients,
 * one with blocking calls and a custom blocking hook ({@link org.wsemu.samples.QuoteClient}), one
 * asynchronous ({@link org.wsemu.samples.AsyncQuoteClient}), and the message-loop demonstration
 * ({@link org.wsemu.samples.MessageLoopDemo}). The command line runs them; they are not part of
 * the library.
 */
package org.wsemu.samples;
