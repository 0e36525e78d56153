package org.wsemu.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a sample test class through the JUnit engine, configured as the suite is, for the extension's tests. */
final class ExtensionRuns {
  private ExtensionRuns() {}

  static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .enableImplicitConfigurationParameters(true)
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  /** What failed the only failed test. */
  static Throwable failure(Events events) {
    assertEquals(1, events.failed().count(), "failed tests");
    return events.failed().list().get(0).getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable).orElseThrow();
  }

  /** The display names of the tests that succeeded, in order. */
  static List<String> succeeded(Events events) {
    return events.succeeded().list().stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }
}
