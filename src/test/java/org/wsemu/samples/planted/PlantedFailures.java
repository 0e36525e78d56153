package org.wsemu.samples.planted;

import java.util.List;
import java.util.Map;
import org.wsemu.RuleViolationException;
import org.wsemu.Violation;

/**
 * What each planted bug looks like when it shows: the start of the program's own assertion
 * message, or the checked-mode rule it breaks (a blocking call in the window procedure of a program
 * that uses WSAAsyncSelect is reported by checked mode where that rule is checked). A failure of another kind (a hang, a callback's
 * exception) is not the planted bug. Stateless.
 */
final class PlantedFailures {
  private PlantedFailures() {}

  private static final Map<String, String> ASSERTION_STARTS = Map.of(
      "telnet-dropped-key", "the screen shows \"$ ",
      "shared-buffer-nested", "filed [",
      "blocking-read-handler", "read the records [",
      "cancel-races-lookup-reply", "the program chose backup but took the address 10.0.0.25",
      "completion-order-assumed", "assembled \"",
      "quit-lost-in-hook", "the monitor was still running",
      "token-order-assumed", "MAILCHECK used the token null",
      "lookup-reply-blocks", "logged: ",
      "hook-counts-time", "the request was cancelled (error 10004)");

  /** The checked-mode rules a program's bug may break instead (or before its assertion fails). */
  private static final Map<String, String> RULES = Map.of(
      "timer-closes-socket", "sockets-left-open",
      "blocking-read-handler", "blocking-in-async-program");

  /** The failure's kind in one word: the rule ids of a rule violation, else the exception's class. */
  static String kind(Throwable failure) {
    if (failure instanceof RuleViolationException violations) {
      return String.join(",", violations.violations().stream().map(Violation::rule).distinct().toList());
    }
    return failure.getClass().getSimpleName();
  }

  /** Whether {@code failure} is the planted bug of the program {@code name}. */
  static boolean isThePlantedBug(String name, Throwable failure) {
    if (failure instanceof RuleViolationException) {
      return kind(failure).equals(RULES.get(name));
    }
    if (!ASSERTION_STARTS.containsKey(name) || failure.getClass() != AssertionError.class || failure.getMessage() == null
        || !failure.getMessage().startsWith(ASSERTION_STARTS.get(name))) {
      return false;
    }
    if (name.equals("telnet-dropped-key")) {                 // lost keys: the echo is a proper suffix of "ls\r"
      String echo = failure.getMessage().substring(ASSERTION_STARTS.get(name).length());
      echo = echo.substring(0, echo.indexOf('"'));
      return "ls\\r".endsWith(echo) && !echo.equals("ls\\r");
    }
    return true;
  }

  /** The names the table covers, to check nothing is missing. */
  static List<String> names() {
    return PlantedBugs.all(false).stream().map(PlantedProgram::name)
        .filter(n -> ASSERTION_STARTS.containsKey(n) || RULES.containsKey(n)).toList();
  }
}
