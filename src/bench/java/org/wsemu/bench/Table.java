package org.wsemu.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the results as one Markdown table. Not thread-safe. */
final class Table {
  private Table() {}

  static void print(PrintStream out, List<Row> rows) {
    out.println("| # | figure | wsemu | baseline | ratio | target | met |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row row : rows) {
      out.printf(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", row.id(), row.figure(),
          number(row.value()), row.unit(),
          Double.isNaN(row.baseline()) ? row.baselineName() : row.baselineName() + ": " + number(row.baseline()),
          Double.isNaN(row.ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", row.ratio()),
          row.target(), row.target().equals("-") ? "-" : row.met() ? "yes" : "**no**");
    }
  }

  /** Three significant digits, with thousands grouped for big values. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
