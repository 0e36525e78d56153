/**
 * The command line, {@code java -jar target/wsemu-cli.jar}: {@link org.wsemu.cli.Main} and its
 * commands, which run the samples ({@code client} the quote client against its own server,
 * {@code demo} the message-loop demonstration) on the real or the simulated network. Built on
 * picocli and Logback; not part of the library.
 */
package org.wsemu.cli;
