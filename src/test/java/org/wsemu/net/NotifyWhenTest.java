package org.wsemu.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WM_USER;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.net.nio.RealNetwork;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.testing.CapturedNetwork;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.user.MSG;
import org.wsemu.user.User;

/**
 * The contract of {@code notifyWhen} on both networks: the callback runs on a network thread,
 * never on the caller's thread before notifyWhen has returned, even when its condition holds
 * already, as it does for a closed endpoint.
 */
@Timeout(20)
class NotifyWhenTest {

  @World.AllWorlds
  void aClosedEndpointCallsBackOnANetworkThreadNeverInsideNotifyWhen(World world) throws Exception {
    SimulatedNetwork sim = world.newNetwork();
    CapturedNetwork captured = new CapturedNetwork(sim != null ? sim : new RealNetwork());
    try (Emulator emu = world.builder(sim).network(captured).build()) {
      User user = emu.user();
      Emus.run(emu, () -> {
        Network network = captured.network();
        int me = user.GetCurrentTask();
        for (String kind : List.of("tcp", "udp")) {
          Thread caller = Thread.currentThread();
          AtomicBoolean inside = new AtomicBoolean(true);
          AtomicBoolean ranInside = new AtomicBoolean();
          AtomicReference<Thread> ranOn = new AtomicReference<>();
          Runnable onReady = () -> {
            ranInside.set(Thread.currentThread() == caller && inside.get());
            ranOn.set(Thread.currentThread());
            user.PostAppMessage(me, WM_USER, 0, 0);
          };
          if (kind.equals("tcp")) {
            TcpEndpoint endpoint = network.openTcp();
            endpoint.close(false);
            endpoint.notifyWhen(Readiness.READ, onReady);
          } else {
            UdpEndpoint endpoint = network.openUdp();
            endpoint.close();
            endpoint.notifyWhen(Readiness.READ, onReady);
          }
          inside.set(false);
          MSG msg = new MSG();
          assertEquals(1, user.GetMessage(msg, NULL, 0, 0)); // waits for the call back
          assertEquals(WM_USER, msg.message);
          assertFalse(ranInside.get(), kind + ": called back on the caller's thread inside notifyWhen");
          if (!world.virtualTime()) { // in virtual time the scheduler runs it, on whichever task thread waits
            assertNotSame(Thread.currentThread(), ranOn.get(), kind);
          }
        }
        return 0;
      });
    }
  }
}
