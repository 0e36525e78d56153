package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;

/**
 * A thread outside the emulator that drives a simulated peer (holding the peer's lock while it
 * hands data to the network) races the Win16 scheduler running timer actions (packet arrivals that
 * call that peer back). Timer actions run without the scheduler's lock, so the two lock orders can
 * no longer meet in a deadlock.
 */
class OutsideThreadLockOrderTest {

  @RepeatedTest(3)
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPeerDrivenFromOutsideNeverDeadlocksWithTheWin16Scheduler() throws Exception {
    int rounds = 3000;
    SimulatedNetwork net = World.WIN16_SIM.newNetwork();
    try (Emulator emu = World.WIN16_SIM.builder(net).hookRepollInterval(Duration.ofMillis(1)).build()) {
      Peer.Server server = Peer.Server.accepting(emu, net, (ws, s) -> {
        ws.WSASetBlockingHook(() -> false); // a custom hook: re-polled on a timer while blocked
        byte[] buf = new byte[64];
        int total = 0;
        while (total < rounds) {
          int n = ws.recv(s, buf, buf.length, 0);
          if (n <= 0) {
            return -1;
          }
          ws.send(s, buf, n, 0); // echoed: the peer is called back from timer actions
          total += n;
        }
        return total;
      });
      try (Peer peer = server.connect()) {
        for (int i = 0; i < rounds; i++) {
          peer.send("x");
        }
        assertEquals(rounds, Emus.join(server.task));
      }
    }
  }
}
