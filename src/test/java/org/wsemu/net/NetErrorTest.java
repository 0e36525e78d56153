package org.wsemu.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An error as an endpoint's int result, and back. */
class NetErrorTest {

  @Test
  void everyErrorIsADistinctNegativeResultThatNamesItAgain() {
    Set<Integer> results = new HashSet<>();
    for (NetError error : NetError.values()) {
      int result = error.result();
      assertTrue(result < 0, error + " " + result);
      assertTrue(results.add(result), "twice: " + result);
      assertEquals(error, NetError.of(result));
    }
  }

  @Test
  void aValueThatIsNoErrorResultIsRefused() {
    assertEquals("not a NetError result: 0", assertThrows(IllegalArgumentException.class, () -> NetError.of(0)).getMessage());
    int beyond = -1 - NetError.values().length;
    assertThrows(IllegalArgumentException.class, () -> NetError.of(beyond));
  }
}
