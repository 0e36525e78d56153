package org.wsemu.cli;

import java.io.PrintWriter;

/**
 * One line of standard error written again in place ({@code \r}), each time over the last: a
 * shorter text rubs out the end of a longer one. The progress meters of {@code wsemu demo} and
 * {@code wsemu explore} write through it.
 *
 * <p>Not thread-safe: its owner calls it under its own monitor.
 */
final class StatusLine {
  private final PrintWriter err;
  private int shownLength;

  StatusLine(PrintWriter err) {
    this.err = err;
  }

  /** Writes {@code line} over the one shown. */
  void show(String line) {
    StringBuilder sb = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < shownLength; i++) {
      sb.append(' ');
    }
    err.print(sb);
    err.flush();
    shownLength = line.length();
  }

  /** Ends the line, if one was shown, so that what comes next starts on a line of its own. */
  void end() {
    if (shownLength > 0) {
      err.println();
      err.flush();
    }
  }
}
