package org.wsemu.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The syntax of replay keys. */
class ReplayKeyTest {

  @Test
  void aChoicesKeyListsTheOptionsWithRunsOfZerosCountedAndTrailingZerosDropped() {
    assertEquals("choices:5:0*3.1.0.2", ReplayKey.choices(5, List.of(0, 0, 0, 1, 0, 2, 0, 0)).toString());
    assertEquals("choices:5:0.0.1", ReplayKey.choices(5, List.of(0, 0, 1)).toString());
    assertEquals("choices:5:", ReplayKey.choices(5, List.of(0, 0)).toString());
    assertEquals("choices:-2:3", ReplayKey.choices(-2, List.of(3)).toString());
  }

  @Test
  void everyKeyParsesBackToItself() {
    for (String key : List.of("random-walk:1", "random-walk:-3", "pct:3:120:42", "choices:5:0*3.1.0.2",
        "choices:5:", "choices:7:1.1.0.0.2")) {
      assertEquals(key, ReplayKey.parse(key).toString());
    }
    assertEquals(List.of(0, 0, 0, 1, 0, 2), ReplayKey.parse("choices:5:0*3.1.0.2").values());
    assertEquals("choices:5:2", ReplayKey.parse("choices:5:2.0*4").toString(), "trailing zeros change nothing");
  }

  @Test
  void theSeedOfEveryFormIsTheLastOrTheSecondField() {
    assertEquals(1, ReplayKey.parse("random-walk:1").seed());
    assertEquals(42, ReplayKey.parse("pct:3:120:42").seed());
    assertEquals(5, ReplayKey.parse("choices:5:1").seed());
  }
}
