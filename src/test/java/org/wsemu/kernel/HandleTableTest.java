package org.wsemu.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandleTableTest {

  @Test
  void handlesComeInOrderAndAFreedOneReturnsOnlyAfterTheRestOfTheRange() {
    HandleTable<String> table = new HandleTable<>(1, 4);
    assertEquals(1, table.allocate("a"));
    assertEquals(2, table.allocate("b"));
    assertTrue(table.free(1));
    assertEquals(3, table.allocate("c"));
    assertEquals(4, table.allocate("d"));
    assertEquals(1, table.allocate("e"), "wraps to the freed handle only now");
    assertEquals(0, table.allocate("f"), "full");
    assertEquals(List.of("e", "b", "c", "d"), table.values());
  }

  @Test
  void aStaleHandleIsUnknown() {
    HandleTable<String> table = new HandleTable<>(0x100, 0x1FF);
    int handle = table.allocate("w");
    assertEquals("w", table.get(handle));
    assertTrue(table.free(handle));
    assertNull(table.get(handle));
    assertFalse(table.free(handle));
    assertNull(table.get(0));
  }

  @Test
  void theFactoryKnowsItsHandle() {
    HandleTable<String> table = new HandleTable<>(7, 9);
    assertEquals("handle 7", table.allocate(h -> "handle " + h));
    assertEquals(1, table.size());
  }

  @Test
  void badRangesAreRejected() {
    assertEquals("min < 1: 0", assertThrows(IllegalArgumentException.class, () -> new HandleTable<>(0, 5)).getMessage());
    assertEquals("max < min: 2 < 3", assertThrows(IllegalArgumentException.class, () -> new HandleTable<>(3, 2)).getMessage());
  }
}
