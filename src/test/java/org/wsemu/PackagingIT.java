package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The jars of {@code mvn package}, checked by Failsafe once they exist: the library jar holds the
 * library and nothing else, with its sources and Javadoc beside it; the CLI jar runs on its own;
 * and a program on the library jar without an SLF4J provider hears nothing from SLF4J.
 *
 * <p>Runs in the project directory, where the build leaves {@code target/}.
 */
class PackagingIT {
  private static final String VERSION = System.getProperty("wsemu.version");
  private static final Path TARGET = Path.of("target");
  private static final Path LIBRARY_JAR = TARGET.resolve("wsemu-" + VERSION + ".jar");
  private static final Path CLI_JAR = TARGET.resolve("wsemu-cli.jar");
  private static final Set<String> NOT_LIBRARY =
      Set.of("org/wsemu/cli/", "org/wsemu/samples/", "org/wsemu/bench/");

  @Test
  void theLibraryJarHoldsEveryLibraryClassAndNothingElse() throws IOException {
    Set<String> expected = filesUnder(TARGET.resolve("classes")).stream()
        .filter(name -> NOT_LIBRARY.stream().noneMatch(name::startsWith))
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(expected.contains("org/wsemu/Emulator.class"), "target/classes holds the library");
    assertEquals(expected, files(LIBRARY_JAR, name -> !name.startsWith("META-INF/")));
  }

  @Test
  void theLibraryJarNamesItsModule() throws IOException {
    try (JarFile jar = new JarFile(LIBRARY_JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      try (InputStream descriptor = jar.getInputStream(jar.getEntry("module-info.class"))) {
        assertEquals("org.wsemu", ModuleDescriptor.read(descriptor).name());
      }
      assertEquals(VERSION, manifest.getValue("Implementation-Version"));
    }
  }

  @Test
  void theSourcesJarHoldsTheLibrarysSources() throws IOException {
    assertEquals(filesUnder(Path.of("src/main/java")),
        files(TARGET.resolve("wsemu-" + VERSION + "-sources.jar"), name -> !name.startsWith("META-INF/")));
  }

  @Test
  void theJavadocJarDocumentsTheLibraryOnly() throws IOException {
    // Javadoc files the pages of a module under its name
    Set<String> pages = files(TARGET.resolve("wsemu-" + VERSION + "-javadoc.jar"), name -> name.endsWith(".html"))
        .stream().map(name -> name.replaceFirst("^org\\.wsemu/", "")).collect(Collectors.toSet());
    assertTrue(pages.containsAll(Set.of("index.html", "org/wsemu/Emulator.html", "org/wsemu/winsock/WinsockApi.html")));
    assertEquals(Set.of(), pages.stream().filter(name -> NOT_LIBRARY.stream().anyMatch(name::startsWith))
        .collect(Collectors.toSet()));
  }

  @Test
  void theCliJarHoldsTheCommandLineTheSamplesAndTheirDependenciesButNoBenchmark() throws IOException {
    Set<String> classes = files(CLI_JAR, name -> name.endsWith(".class"));
    for (String expected : List.of("org/wsemu/cli/Main.class", "org/wsemu/samples/QuoteClient.class",
        "org/wsemu/Emulator.class", "picocli/CommandLine.class", "ch/qos/logback/classic/Logger.class",
        "org/slf4j/LoggerFactory.class")) {
      assertTrue(classes.contains(expected), expected);
    }
    assertFalse(classes.stream().anyMatch(name -> name.startsWith("org/wsemu/bench/") || name.startsWith("org/openjdk/")));
  }

  @Test
  @Timeout(60)
  void theCliJarRunsTheClientOnItsOwn() throws Exception {
    assertEquals(new Result(0, "wsemu " + VERSION + "\n", ""), java("-jar", CLI_JAR.toString(), "--version"));
    assertEquals(new Result(0, String.join("\n",
        "wsemu client: simulated quote server on port 17 answers in 250 ms, then in 3000 ms; client timeout 1000 ms (WIN16)",
        "-- first run",
        "[t=  251 ms] quote: The network is reliable. (Fallacy no. 1)",
        "-- second run",
        "[t= 1001 ms] quote: no answer within 1000 ms; the call was cancelled (WSAEINTR)",
        "outcomes: QUOTE, TIMED_OUT",
        ""), ""), java("-jar", CLI_JAR.toString(), "client", "--network", "SIMULATED"));
  }

  @Test
  @Timeout(60)
  void aProgramWithoutAnSlf4jProviderHearsNothingFromSlf4jUnlessItAsksForTheTrace() throws Exception {
    String classpath = String.join(File.pathSeparator, LIBRARY_JAR.toString(),
        Path.of(LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
        TARGET.resolve("test-classes").toString());
    String program = Slf4jByDefaultTest.Run.class.getName();
    assertEquals(new Result(0, "", ""), java("-cp", classpath, program));
    Result traced = java("-cp", classpath, program, "true");
    assertEquals(0, traced.exit(), traced.toString());
    assertTrue(traced.err().contains("No SLF4J providers were found"), traced.toString());
  }

  /** The files under a directory, named by their path from it with {@code /} between names. */
  private static Set<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString().replace(File.separatorChar, '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The names of a jar's files (not directories) that {@code keep} accepts. */
  private static Set<String> files(Path jar, Predicate<String> keep) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).filter(keep)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private record Result(int exit, String out, String err) {}

  /** Runs the JVM the build runs on, with the given arguments. */
  private static Result java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(50, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("still running after 50 s: " + command);
    }
    return new Result(process.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
