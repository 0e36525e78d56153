package org.wsemu.diagram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium, the Debian package, run once per page: it loads a local file with no
 * network, takes a screenshot and prints the DOM after the page's scripts ran. Each run has a fresh
 * profile directory, removed afterwards.
 *
 * <p>Thread-safe: runs share nothing but the browser's binary.
 */
final class Chromium {
  /** The browser: {@code -Dwsemu.chromium}, else {@code WSEMU_CHROMIUM}, else Debian's path. */
  static final Path BINARY = Path.of(System.getProperty("wsemu.chromium",
      System.getenv().getOrDefault("WSEMU_CHROMIUM", "/usr/bin/chromium")));
  private static final long TIMEOUT_SECONDS = 60;

  private Chromium() {}

  /** Why the check cannot run, with how to install the browser; empty when it is there. */
  static String missing() {
    return Files.isExecutable(BINARY) ? ""
        : "Chromium is needed by the diagram check and is missing at " + BINARY
            + ": install it with `bash .ci/install-browser.sh` (Debian's package: apt-get install -y chromium),"
            + " or point -Dwsemu.chromium=PATH at a Chromium binary";
  }

  /**
   * Opens {@code page} in a {@code width} x {@code height} window, writes its screenshot to
   * {@code png}, and returns the DOM after load ({@code --dump-dom}).
   *
   * @throws IOException when the browser fails or takes longer than a minute
   */
  static String render(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    return render(page, png, width, height, List.of());
  }

  /** As {@link #render(Path, Path, int, int)}, with more flags ({@code --virtual-time-budget=...}). */
  static String render(Path page, Path png, int width, int height, List<String> flags)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("wsemu-chromium");
    Path dom = Files.createTempFile("wsemu-dom", ".html");
    Path log = Files.createTempFile("wsemu-chromium", ".log");
    try {
      List<String> command = new ArrayList<>(List.of(BINARY.toString(),
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
          "--user-data-dir=" + profile.toAbsolutePath(),
          "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height));
      command.addAll(flags);
      command.add("--dump-dom");
      command.add(page.toAbsolutePath().toUri().toString());
      Process browser = new ProcessBuilder(command)
          .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
      if (!browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        browser.destroyForcibly().waitFor();
        throw new IOException("chromium took longer than " + TIMEOUT_SECONDS + " s on " + page);
      }
      if (browser.exitValue() != 0 || !Files.exists(png)) {
        throw new IOException("chromium failed on " + page + " (exit " + browser.exitValue() + "):\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return Files.readString(dom, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(dom);
      Files.deleteIfExists(log);
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
