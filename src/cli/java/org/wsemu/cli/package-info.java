/**
 * The command line, {@code java -jar target/wsemu-cli.jar}: {@link org.wsemu.cli.Main} and its
 * commands, which run the samples ({@code client} the quote client against its own server,
 * {@code demo} the demonstrations of the catalogue, with their traces and sequence diagrams) on the
 * real or the simulated network, explore the schedules of a demonstration or a program
 * ({@code explore}), and draw the sequence diagram of a trace file ({@code render}).
 * Built on picocli and Logback; not part of the library.
 */
package org.wsemu.cli;
