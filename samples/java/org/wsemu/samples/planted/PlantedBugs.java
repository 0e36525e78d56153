package org.wsemu.samples.planted;

import java.util.List;

/**
 * The catalogue of planted-bug programs, in the order the documentation lists them. Stateless and
 * thread-safe; each call makes new instances.
 */
public final class PlantedBugs {
  private PlantedBugs() {}

  /** Every program, each the version with its bug ({@code fixed == false}) or the fixed one. */
  public static List<PlantedProgram> all(boolean fixed) {
    return List.of(
        new TelnetDroppedKey(fixed),
        new SharedBufferNested(fixed),
        new BlockingReadHandler(fixed),
        new CancelRacesLookupReply(fixed),
        new TimerClosesSocket(fixed),
        new CompletionOrderAssumed(fixed),
        new QuitLostInHook(fixed),
        new TokenOrderAssumed(fixed),
        new LookupReplyBlocks(fixed),
        new HookCountsTime(fixed));
  }

  /**
   * The program called {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static PlantedProgram named(String name, boolean fixed) {
    return all(fixed).stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no planted program " + name));
  }
}
