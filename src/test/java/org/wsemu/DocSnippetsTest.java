package org.wsemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example of the documentation compiles against the library as it is: the
 * {@code ```java} blocks of README.md and docs/*.md, and the {@code <pre>{@code ...}</pre>} blocks
 * of the Javadoc in src/main/java, src/cli/java and samples/java. All of them go to the compiler
 * at once (javax.tools), so the test takes about a second.
 *
 * <p>An example is usually a fragment, so each is compiled inside {@link #TEMPLATE}: the static
 * imports of {@code WinDef}, {@code WinUser} and {@code WinSock}, the public packages, and a few
 * names an example may use without declaring them ({@code emu}, {@code user}, {@code ws},
 * {@code trace}, a socket {@code s}, a window {@code hwnd}, a {@code sockaddr_in sin}, a tick count
 * {@code start}, a window procedure {@code MainWndProc}, a string {@code expected} and JUnit's
 * {@code assertEquals}). Its own {@code import} lines go to the top. An example that begins with a
 * method declaration (README's {@code ConnectTo}) becomes a member of the class; any other is the
 * body of a method that returns an int. A line or argument that is just {@code ...} stands for
 * code left out.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  /** What surrounds every example; {@code %s} are its imports, the class name, members and body. */
  static final String TEMPLATE = String.join("\n",
      "import static org.junit.jupiter.api.Assertions.assertEquals;",
      "import static org.wsemu.user.WinDef.*;",
      "import static org.wsemu.user.WinUser.*;",
      "import static org.wsemu.winsock.WinSock.*;",
      "import java.time.Duration;",
      "import org.wsemu.*;",
      "import org.wsemu.sim.*;",
      "import org.wsemu.task.*;",
      "import org.wsemu.time.*;",
      "import org.wsemu.trace.*;",
      "import org.wsemu.user.*;",
      "import org.wsemu.winsock.*;",
      "%s",
      "@SuppressWarnings(\"all\")",
      "class %s {",
      "  Emulator emu; User user; WinsockApi ws; Trace trace;",
      "  int s; int hwnd; int start; sockaddr_in sin = new sockaddr_in(); String expected;",
      "  int MainWndProc(int hWnd, int uMsg, int wParam, int lParam) { return 0; }",
      "%s",
      "  int example() throws Exception {",
      "    if (true) {",
      "%s",
      "    }",
      "    return 0;",
      "  }",
      "}",
      "");

  private static final Pattern METHOD_DECLARATION =
      Pattern.compile("^(public |private |static |final )*[\\w<>\\[\\], ]+\\s+\\w+\\s*\\([^;=]*\\)\\s*(\\{\\s*)?$");
  private static final Pattern KEYWORD = Pattern.compile("^(if|else|while|for|do|switch|try|catch|return|new|case)\\b.*");
  private static final Pattern ELLIPSIS = Pattern.compile("(?<=^|[\\s{(,])\\.\\.\\.(?=$|[\\s;)},])");

  /** One example: where it is (file and first line) and its code. */
  record Example(String file, int line, List<String> code) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  @Test
  @Timeout(60)
  void everyJavaExampleOfTheDocumentationCompiles(@TempDir Path classes) throws IOException {
    List<Example> examples = examples();
    assertTrue(examples.stream().filter(e -> e.file().equals("README.md")).count() >= 2, examples.toString());
    assertTrue(examples.stream().filter(e -> e.file().startsWith("docs/")).count() >= 1, examples.toString());
    assertTrue(examples.stream().filter(e -> e.file().endsWith(".java")).count() >= 10, examples.toString());

    Map<String, Unit> units = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      Unit unit = wrap(examples.get(i), "Example" + i);
      units.put(unit.className(), unit);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
        "-proc:none", "-nowarn", "-Xlint:none", "-encoding", "UTF-8");
    boolean compiled = javac.getTask(null, null, diagnostics, options, null,
        units.values().stream().map(Unit::source).toList()).call();

    StringBuilder errors = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        Unit unit = units.get(className(d.getSource()));
        errors.append(unit == null ? "?" : unit.place(d.getLineNumber())).append(": ")
            .append(d.getMessage(Locale.ROOT)).append('\n');
      }
    }
    if (!compiled || errors.length() > 0) {
      fail("examples that do not compile:\n" + errors);
    }
  }

  @Test
  void theTemplateWrapsStatementsInAMethodAndMethodsInTheClass() {
    Unit statements = wrap(new Example("x.md", 10, List.of("import java.util.List;", "List<String> names = List.of();")),
        "A");
    assertTrue(statements.text().startsWith("import static org.junit"), statements.text());
    assertTrue(statements.text().contains("\nimport java.util.List;\n"), statements.text());
    assertTrue(statements.text().contains("    if (true) {\n\nList<String> names = List.of();\n    }"), statements.text());
    assertEquals("x.md:11", statements.place(statements.text().lines().toList().indexOf("List<String> names = List.of();") + 1));

    Unit member = wrap(new Example("y.md", 1, List.of("int ConnectTo(String host, int port)", "{", "  return 0;", "}")), "B");
    assertTrue(member.text().contains("\nint ConnectTo(String host, int port)\n{\n  return 0;\n}\n  int example()"),
        member.text());

    Unit elided = wrap(new Example("z.java", 1, List.of("...", "run(() -> { ... return 0; });")), "C");
    assertTrue(elided.text().contains("\n/*...*/\nrun(() -> { /*...*/ return 0; });\n"), elided.text());
  }

  // ---- finding the examples ----

  private static List<Example> examples() throws IOException {
    List<Example> examples = new ArrayList<>(markdown(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        examples.addAll(markdown(doc));
      }
    }
    for (String tree : List.of("src/main/java", "src/cli/java", "samples/java")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
        for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          examples.addAll(javadoc(source));
        }
      }
    }
    return examples;
  }

  /** The {@code ```java} blocks of a Markdown file. */
  static List<Example> markdown(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Example> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```java")) {
        int first = i + 1;
        int end = first;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        found.add(new Example(relative(file), first + 1, List.copyOf(lines.subList(first, end))));
        i = end;
      }
    }
    return found;
  }

  /** The {@code <pre>{@code ...}</pre>} blocks of the comments of a Java file. */
  static List<Example> javadoc(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Example> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("<pre>{@code")) {
        int first = i + 1;
        int end = first;
        while (end < lines.size() && !lines.get(end).contains("}</pre>")) {
          end++;
        }
        List<String> code = lines.subList(first, end).stream().map(l -> l.replaceFirst("^\\s*\\* ?", "")).toList();
        found.add(new Example(relative(file), first + 1, code));
        i = end;
      }
    }
    return found;
  }

  private static String relative(Path file) {
    return ROOT.relativize(file).toString().replace('\\', '/');
  }

  // ---- wrapping ----

  /** One example as a compilation unit: its text and where its own lines start. */
  record Unit(String className, String text, Example example, int firstLine) {
    JavaFileObject source() {
      return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
    }

    /** Where line {@code line} of the unit comes from: the example's file and line, or the template. */
    String place(long line) {
      long offset = line - firstLine;
      return offset >= 0 && offset < example.code().size()
          ? example.file() + ":" + (example.line() + offset)
          : example + " (template line " + line + ")";
    }
  }

  static Unit wrap(Example example, String className) {
    List<String> imports = new ArrayList<>();
    List<String> code = new ArrayList<>();
    for (String line : example.code()) {
      if (line.startsWith("import ")) {
        imports.add(line);
        code.add(""); // keeps the line numbers
      } else {
        code.add(ELLIPSIS.matcher(line).replaceAll("/*...*/"));
      }
    }
    String firstCode = code.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
        .findFirst().orElse("");
    boolean member = METHOD_DECLARATION.matcher(firstCode).matches() && !KEYWORD.matcher(firstCode).matches();
    String body = String.join("\n", code);
    String[] parts = TEMPLATE.split("%s", -1);
    String before = parts[0] + String.join("\n", imports) + parts[1] + className + parts[2];
    String text = member
        ? before + body + parts[3] + parts[4]
        : before + parts[3] + body + parts[4];
    int firstLine = (int) (member ? before : before + parts[3]).lines().count() + 1;
    if (!(member ? before : before + parts[3]).endsWith("\n")) {
      firstLine--;
    }
    return new Unit(className, text, example, firstLine);
  }

  private static String className(JavaFileObject source) {
    if (source == null) {
      return "";
    }
    String name = source.toUri().getPath();
    return name.substring(name.lastIndexOf('/') + 1, name.length() - ".java".length());
  }
}
