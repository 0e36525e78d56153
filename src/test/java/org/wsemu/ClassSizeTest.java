package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No source file of the library holds more than {@value #MAX_CODE_LINES} lines of code: lines that
 * are not blank and not only comment (line comments, block comments and Javadoc).
 */
class ClassSizeTest {
  static final int MAX_CODE_LINES = 400;

  @Test
  void noLibraryFileIsOverTheLimit() throws IOException {
    Map<String, Integer> over = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        int lines = codeLines(Files.readAllLines(file));
        if (lines > MAX_CODE_LINES) {
          over.put(file.toString(), lines);
        }
      }
    }
    assertEquals(Map.of(), over);
  }

  @Test
  void commentsAndBlankLinesDoNotCount() {
    assertEquals(2, codeLines(List.of(
        "/** Javadoc", " * more", " */", "class A { // trailing comment counts the line",
        "", "  // a line comment", "  /* block */", "  /*", "   still", "  */ int x;")));
  }

  /** The lines of {@code source} that hold code. */
  static int codeLines(List<String> source) {
    int count = 0;
    boolean inBlock = false;
    for (String raw : source) {
      String line = raw.strip();
      boolean code = false;
      int i = 0;
      while (i < line.length()) {
        if (inBlock) {
          int end = line.indexOf("*/", i);
          if (end < 0) {
            break;
          }
          inBlock = false;
          i = end + 2;
        } else if (line.startsWith("//", i)) {
          break;
        } else if (line.startsWith("/*", i)) {
          inBlock = true;
          i += 2;
        } else if (Character.isWhitespace(line.charAt(i))) {
          i++;
        } else {
          code = true;
          break;
        }
      }
      if (code) {
        count++;
        inBlock = blockOpenAtEnd(line);
      }
    }
    return count;
  }

  /** Whether a code line leaves a block comment open (a code line that starts one at its end). */
  private static boolean blockOpenAtEnd(String line) {
    int open = line.lastIndexOf("/*");
    return open >= 0 && line.indexOf("*/", open + 2) < 0 && !line.substring(0, open).contains("\"");
  }
}
