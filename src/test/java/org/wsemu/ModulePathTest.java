package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The library works both as a module and on the class path. A small program that uses the
 * emulator, USER and Winsock is compiled against the compiled library with javax.tools and run in
 * a child JVM: as a module that requires {@code org.wsemu} on the module path, and as plain classes
 * on the class path. On the module path only the user-facing packages are visible.
 *
 * <p>The rest of the suite runs on the class path (see the Surefire settings in pom.xml).
 */
@Timeout(120)
class ModulePathTest {
  /** Builds an emulator, waits for a timer, looks up a host and says where the library came from. */
  private static final String PROGRAM = String.join("\n",
      "package demo;",
      "",
      "import static org.wsemu.user.WinDef.NULL;",
      "import static org.wsemu.user.WinUser.WM_TIMER;",
      "",
      "import java.time.Duration;",
      "import org.wsemu.Emulator;",
      "import org.wsemu.task.SchedulingMode;",
      "import org.wsemu.task.Task;",
      "import org.wsemu.user.MSG;",
      "import org.wsemu.user.User;",
      "import org.wsemu.winsock.WSADATA;",
      "import org.wsemu.winsock.WinsockApi;",
      "",
      "public final class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (Emulator emu = Emulator.builder().mode(SchedulingMode.WIN16).slf4jTrace(false).build()) {",
      "      User user = emu.user();",
      "      WinsockApi ws = emu.winsock();",
      "      Task app = emu.createTask(\"app\", () -> {",
      "        user.SetTimer(NULL, 0, 250, null);",
      "        MSG msg = new MSG();",
      "        user.GetMessage(msg, NULL, 0, 0);",
      "        System.out.println((msg.message == WM_TIMER ? \"WM_TIMER\" : msg.message) + \" at \" + user.GetTickCount());",
      "        ws.WSAStartup(0x0101, new WSADATA());",
      "        System.out.println(ws.gethostbyname(\"localhost\").h_name);",
      "        ws.WSACleanup();",
      "        return 7;",
      "      });",
      "      emu.start();",
      "      app.join(Duration.ofSeconds(30));",
      "      System.out.println(\"exit \" + app.exitCode().orElse(-1));",
      "      Module library = Emulator.class.getModule();",
      "      System.out.println(library.isNamed() ? \"module \" + library.getName() : \"unnamed module\");",
      "    }",
      "  }",
      "}",
      "");

  private static final String MODULE = "module demo {\n  requires org.wsemu;\n}\n";

  @Test
  void theModuleExportsTheUserFacingPackagesOnly() throws Exception {
    ModuleDescriptor module = ModuleFinder.of(library()).find("org.wsemu").orElseThrow().descriptor();
    assertEquals(Set.of("org.wsemu", "org.wsemu.task", "org.wsemu.time", "org.wsemu.trace", "org.wsemu.user",
            "org.wsemu.winsock", "org.wsemu.net", "org.wsemu.net.nio", "org.wsemu.sim", "org.wsemu.endpoint",
            "org.wsemu.junit", "org.wsemu.diagram", "org.wsemu.schedule", "org.wsemu.explore"),
        module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified), module.toString());
    assertTrue(module.packages().contains("org.wsemu.kernel"), module.packages().toString());
    assertTrue(module.packages().contains("org.wsemu.internal"), module.packages().toString());
    assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("org.slf4j")
        && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), module.toString());
    // JUnit only for org.wsemu.junit: needed at compile time, optional at run time
    assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("org.junit.jupiter.api")
        && r.modifiers().equals(Set.of(ModuleDescriptor.Requires.Modifier.STATIC))), module.toString());
  }

  @Test
  void aProgramRunsOnTheModulePath(@TempDir Path dir) throws Exception {
    String modulePath = path(library(), slf4j());
    assertEquals(List.of(), compile(dir, List.of("--module-path", modulePath), MODULE, PROGRAM));
    assertEquals(List.of("WM_TIMER at 250", "localhost", "exit 7", "module org.wsemu"),
        run(dir, "--module-path", path(dir.resolve("classes"), library(), slf4j()), "--module", "demo/demo.Main"));
  }

  @Test
  void theSameProgramRunsOnTheClassPath(@TempDir Path dir) throws Exception {
    String classPath = path(library(), slf4j());
    assertEquals(List.of(), compile(dir, List.of("-classpath", classPath), null, PROGRAM));
    assertEquals(List.of("WM_TIMER at 250", "localhost", "exit 7", "unnamed module"),
        run(dir, "-classpath", path(dir.resolve("classes"), library(), slf4j()), "demo.Main"));
  }

  @Test
  void onTheModulePathTheKernelCannotBeReached(@TempDir Path dir) throws Exception {
    String reachesIn = String.join("\n",
        "package demo;",
        "",
        "public final class Main {",
        "  org.wsemu.kernel.Kernel kernel;",
        "}",
        "");
    List<String> errors = compile(dir, List.of("--module-path", path(library(), slf4j())), MODULE, reachesIn);
    assertFalse(errors.isEmpty());
    assertTrue(errors.get(0).contains("package org.wsemu.kernel is declared in module org.wsemu, which does not export it"),
        errors.toString());
  }

  // ---- the library, the compiler and the child JVM ----

  /** Where the library's classes are: target/classes. */
  private static Path library() throws URISyntaxException {
    return Path.of(Emulator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The library's one dependency, slf4j-api. */
  private static Path slf4j() throws URISyntaxException {
    return Path.of(Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String path(Path... entries) {
    return List.of(entries).stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Compiles {@code demo/Main.java} (and {@code module-info.java} unless {@code moduleInfo} is
   * null) into {@code dir/classes}, against what {@code where} names only.
   *
   * @return the compiler's errors, empty if it compiled
   */
  private static List<String> compile(Path dir, List<String> where, String moduleInfo, String main) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/demo"));
    List<Path> files = new ArrayList<>();
    files.add(Files.writeString(sources.resolve("Main.java"), main, StandardCharsets.UTF_8));
    if (moduleInfo != null) {
      files.add(Files.writeString(dir.resolve("src/module-info.java"), moduleInfo, StandardCharsets.UTF_8));
    }
    List<String> options = new ArrayList<>(where);
    options.addAll(List.of("-d", dir.resolve("classes").toString(), "-proc:none", "-encoding", "UTF-8"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of()); // not this JVM's class path
      javac.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
    }
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).toList();
  }

  /** Runs {@code java} with these arguments in a child process and returns what it printed on stdout. */
  private static List<String> run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process java = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!java.waitFor(60, TimeUnit.SECONDS)) {
      java.destroyForcibly();
      throw new AssertionError("the program did not end within 60 s: " + command);
    }
    assertEquals(0, java.exitValue(), () -> "exit code of " + command + "; stderr:\n" + read(err));
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
