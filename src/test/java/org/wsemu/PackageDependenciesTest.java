package org.wsemu;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the library, checked on its compiled classes (not the tests'):
 *
 * <pre>
 *   junit (the JUnit 5 extension for users' tests: on top of everything, the only user of JUnit)
 *        |
 *   explore (schedule exploration: runs emulators; only junit depends on it)
 *        |
 *   org.wsemu (Emulator: wires everything; nothing in the library but explore and junit depends on it)
 *        |
 *   endpoint (on the public API of winsock and user)
 *        |
 *     winsock ------------------> net (the network SPI) <-- net.* (its implementations), sim
 *        |
 *      user
 *        |
 *     kernel
 *        |
 *   task, time, schedule, trace (the basic types), internal (annotations of the threading contracts)
 *
 *   diagram (sequence diagrams of a trace: on trace only)
 * </pre>
 *
 * <p>Each package may use only the packages below it (and those to its right, for winsock and
 * trace, which marks its guarded fields with internal's annotation), and no
 * two packages may depend on each other, directly or through others. The command line, the
 * samples and the benchmarks are programs built on the library and may use any package of it.
 */
class PackageDependenciesTest {
  private static final String ROOT = "org.wsemu";
  private static final String[] PROGRAMS = {"org.wsemu.cli..", "org.wsemu.samples..", "org.wsemu.bench.."};
  private static final String[] BASICS = {"org.wsemu.task", "org.wsemu.time", "org.wsemu.trace", "org.wsemu.internal",
      "org.wsemu.schedule"};
  private static final String NETWORK_IMPLEMENTATIONS = "org.wsemu.net.*..";
  private static final String JUNIT_SUPPORT = "org.wsemu.junit";
  private static final String EXPLORER = "org.wsemu.explore";

  /** Every package of the library, as a pattern, and the library packages that it may use. */
  private static final Map<String, List<String>> LAYERS = Map.ofEntries(
      Map.entry(JUNIT_SUPPORT, List.of("org.wsemu..")),
      Map.entry(ROOT, List.of("org.wsemu..")),
      Map.entry(EXPLORER, List.of("org.wsemu..")),
      Map.entry("org.wsemu.task", List.of()),
      Map.entry("org.wsemu.time", List.of()),
      Map.entry("org.wsemu.schedule", List.of()),
      Map.entry("org.wsemu.trace", List.of("org.wsemu.internal")),
      Map.entry("org.wsemu.diagram", List.of("org.wsemu.trace")),
      Map.entry("org.wsemu.internal", List.of()),
      Map.entry("org.wsemu.kernel", List.of(BASICS)),
      Map.entry("org.wsemu.user", concat(BASICS, "org.wsemu.kernel")),
      Map.entry("org.wsemu.winsock", concat(BASICS, "org.wsemu.kernel", "org.wsemu.user", "org.wsemu.net")),
      Map.entry("org.wsemu.net", List.of(BASICS)),
      Map.entry(NETWORK_IMPLEMENTATIONS, concat(BASICS, "org.wsemu.net")),
      Map.entry("org.wsemu.sim", concat(BASICS, "org.wsemu.net")),
      Map.entry("org.wsemu.endpoint", concat(BASICS, "org.wsemu.user", "org.wsemu.winsock")));

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void thePackagesAreFreeOfCycles() {
    slices().assignedFrom(everyPackageUnder(ROOT)).should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void nothingInTheLibraryDependsOnTheRootPackage() {
    noClasses().that().resideOutsideOfPackages(concat(PROGRAMS, ROOT, EXPLORER, JUNIT_SUPPORT).toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage(ROOT)
        .because("the root package wires the layers: it sits on top of them")
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackages(concat(PROGRAMS, EXPLORER, JUNIT_SUPPORT).toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage(EXPLORER)
        .because("schedule exploration sits on top of the emulator; only the JUnit support uses it")
        .check(CLASSES);
  }

  /**
   * JUnit is an optional dependency of the library, for its JUnit 5 extension only: a program that
   * uses any other package must run without it. Nothing in the library uses the extension either.
   */
  @Test
  void onlyTheJUnitSupportUsesJUnitAndNothingUsesIt() {
    noClasses().that().resideOutsideOfPackage(JUNIT_SUPPORT)
        .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
        .because("JUnit is optional: only org.wsemu.junit may need it")
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackages(concat(PROGRAMS, JUNIT_SUPPORT).toArray(String[]::new))
        .should().dependOnClassesThat().resideInAPackage(JUNIT_SUPPORT)
        .because("the JUnit support sits on top of the library")
        .check(CLASSES);
  }

  @Test
  void theBasicTypesUseNoOtherPackage() {
    for (String basic : BASICS) {
      mayUseOnly(basic).check(CLASSES);
    }
  }

  /** Sequence diagrams are drawn from trace events alone: any trace, from a run or a file. */
  @Test
  void theDiagramsUseOnlyTheTrace() {
    mayUseOnly("org.wsemu.diagram").check(CLASSES);
  }

  @Test
  void theKernelUsesOnlyTheBasicTypes() {
    mayUseOnly("org.wsemu.kernel").check(CLASSES);
  }

  @Test
  void userUsesOnlyTheKernelAndTheBasicTypes() {
    mayUseOnly("org.wsemu.user").check(CLASSES);
  }

  @Test
  void winsockUsesUserTheKernelAndTheNetworkSpiButNoNetworkImplementation() {
    mayUseOnly("org.wsemu.winsock").check(CLASSES);
  }

  @Test
  void theNetworksUseOnlyTheNetworkSpiAndTheBasicTypes() {
    mayUseOnly("org.wsemu.net").check(CLASSES);
    mayUseOnly(NETWORK_IMPLEMENTATIONS).check(CLASSES);
    mayUseOnly("org.wsemu.sim").check(CLASSES);
  }

  /**
   * Endpoints are built as an application would build them: on the exported API of USER and
   * Winsock (and the basic types), never on the kernel or on a package-private class of Winsock
   * or USER.
   */
  @Test
  void endpointsUseOnlyThePublicApiOfUserAndWinsock() {
    mayUseOnly("org.wsemu.endpoint").check(CLASSES);
    noClasses().that().resideInAPackage("org.wsemu.endpoint")
        .should().dependOnClassesThat(resideInAnyPackage("org.wsemu.user", "org.wsemu.winsock")
            .and(not(modifier(PUBLIC))))
        .because("an endpoint is built on the public API, as an application is")
        .check(CLASSES);
  }

  @Test
  void everyPackageOfTheLibraryHasItsPlaceInTheLayers() {
    List<String> unplaced = CLASSES.stream()
        .filter(not(resideInAnyPackage(PROGRAMS)))
        .map(JavaClass::getPackageName).distinct().sorted()
        .filter(pkg -> LAYERS.keySet().stream().noneMatch(layer -> PackageMatcher.of(layer).matches(pkg)))
        .toList();
    assertEquals(List.of(), unplaced, "packages missing from LAYERS");
    assertTrue(CLASSES.contain(Emulator.class), "the import found the library");
  }

  /**
   * ArchUnit's usual {@code slices().matching("org.wsemu.(*)..")} puts a class directly in
   * {@code org.wsemu} in no slice at all, so a cycle through the root package goes unseen; slicing
   * by the full package name sees it, and a cycle between a package and its sub-package too. Shown
   * on a fixture with such a cycle.
   */
  @Test
  void theCycleRuleSeesACycleThroughTheRootPackage() {
    String fixture = "org.wsemu.cyclefixture";
    JavaClasses classes = new ClassFileImporter().importPackages(fixture);
    slices().matching(fixture + ".(*)..").should().beFreeOfCycles().check(classes); // blind to it
    AssertionError cycle = assertThrows(AssertionError.class,
        () -> slices().assignedFrom(everyPackageUnder(fixture)).should().beFreeOfCycles().check(classes));
    assertTrue(cycle.getMessage().contains("Cycle detected: Slice " + fixture + " -> \n"
        + "                Slice " + fixture + ".below -> \n"
        + "                Slice " + fixture), cycle.getMessage());
  }

  /**
   * No class of {@code layer} uses a library package other than its own and those that
   * {@link #LAYERS} allows it.
   */
  private static ArchRule mayUseOnly(String layer) {
    List<String> allowed = concat(LAYERS.get(layer).toArray(String[]::new), layer);
    return noClasses().that().resideInAPackage(layer)
        .should().dependOnClassesThat(resideInAPackage("org.wsemu..").and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
        .because("each package uses only the packages below it");
  }

  /** One slice per package, the root package of the tree included. */
  static SliceAssignment everyPackageUnder(String root) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "every package of " + root + ", " + root + " itself included";
      }
    };
  }

  private static List<String> concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toList();
  }
}
