package org.wsemu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@link GuardedBy} in the sources names a lock that exists: {@code "this"}, a field of the
 * same class ({@code "lock"}, or the first step of {@code "net.lock"} or {@code "task.lock()"}), a
 * field of a class of the same package ({@code "SimNetworkState.lock"}), or a class of the same
 * package ({@code "EmulatedSocket.this"}). A lock renamed or removed leaves no annotation pointing
 * nowhere; and every package whose classes share state between threads marks its guarded fields.
 */
class GuardedByTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern ANNOTATION = Pattern.compile("@GuardedBy\\(\"([^\"]+)\"\\)");

  @Test
  void everyGuardedByNamesALockThatExists() throws IOException {
    List<String> dangling = new ArrayList<>();
    Map<String, Integer> perPackage = new TreeMap<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = ANNOTATION.matcher(text);
        while (m.find()) {
          found++;
          perPackage.merge(SOURCES.relativize(file.getParent()).toString().replace(File.separatorChar, '.'), 1, Integer::sum);
          if (!exists(file, text, m.group(1))) {
            dangling.add(SOURCES.relativize(file) + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), dangling);
    assertTrue(found >= 140, "the guarded fields are marked: " + found);
    for (String pkg : List.of("org.wsemu.kernel", "org.wsemu.user", "org.wsemu.winsock", "org.wsemu.trace",
        "org.wsemu.net.nio", "org.wsemu.sim")) {
      assertTrue(perPackage.getOrDefault(pkg, 0) > 0, pkg + " marks its guarded fields: " + perPackage);
    }
  }

  @Test
  void aLockIsFoundInItsClassOrAClassOfThePackage() throws IOException {
    Path file = SOURCES.resolve("org/wsemu/sim/SimTcpEndpoint.java");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(exists(file, text, "this"));
    assertTrue(exists(file, text, "net.lock"));
    assertTrue(exists(file, text, "SimNetworkState.lock"));
    assertTrue(!exists(file, text, "nothing.lock"));
    assertTrue(!exists(file, text, "SimNetworkState.nothing"));
    assertTrue(exists(file, text, "SimNetworkState.this"));
    assertTrue(!exists(file, text, "Nothing.this"));
  }

  @Test
  void aLockReachedThroughAFieldNeedsTheField() throws IOException {
    Path file = SOURCES.resolve("org/wsemu/user/MessageQueue.java");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(exists(file, text, "task.lock()"));
    assertTrue(!exists(file, text, "owner.lock()"));
  }

  private static boolean exists(Path file, String text, String lock) throws IOException {
    if (lock.equals("this")) {
      return true;
    }
    String[] steps = lock.split("\\.");
    String first = steps[0];
    if (Character.isUpperCase(first.charAt(0))) {
      Path owner = file.resolveSibling(first + ".java");
      return Files.exists(owner)
          && (steps[1].equals("this") || declares(Files.readString(owner, StandardCharsets.UTF_8), steps[1]));
    }
    return declares(text, first);
  }

  /** Whether {@code text} declares a field named {@code name}. */
  private static boolean declares(String text, String name) {
    return Pattern.compile("\\n\\s+(?:@\\w+(?:\\(\"[^\"]*\"\\))?\\s+)*(?:(?:private|final|volatile|static)\\s+)*"
        + "[\\w.<>, ]+\\s+" + Pattern.quote(name) + "\\s*[=;]").matcher(text).find();
  }
}
