package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wsemu.winsock.OverlappedTransferTest.await;
import static org.wsemu.winsock.OverlappedTransferTest.recv;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinSock2.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.wsemu.task.Task;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/** Pending overlapped operations ended by closesocket, CancelIo, WSACleanup and the end of their task. */
@Timeout(30)
class OverlappedCancelTest {

  @World.AllWorlds
  void closesocketAbortsEveryPendingOperationAndKeepsTheBytesAlreadyDelivered(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      byte[] first = new byte[8];
      WSAOVERLAPPED done = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], first, new IntRef(-1), done));
      assertEquals(3, ws.send(p[0], ascii("abc"), 3, 0));
      assertEquals(3, await(ws, p[1], done));
      WSAOVERLAPPED a = new WSAOVERLAPPED();
      WSAOVERLAPPED b = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), a));
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), b));
      assertEquals(0, ws.closesocket(p[1]));
      assertEquals(WSA_OPERATION_ABORTED, a.Internal);
      assertEquals(0, a.InternalHigh);
      assertEquals(WSA_OPERATION_ABORTED, b.Internal);
      assertEquals("abc", ascii(first, 3), "the completed receive keeps its bytes");
      assertEquals(0, done.Internal);
      assertFalse(ws.WSAGetOverlappedResult(p[1], a, new IntRef(0), false, new IntRef(0)));
      assertEquals(WSAENOTSOCK, ws.WSAGetLastError(), "the handle is gone; the structure holds the status");
      return 0;
    });
  }

  @World.AllWorlds
  void cancelIoAbortsTheCallersOperationsAndLeavesTheSocketAborted(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    Emus.run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertTrue(ws.CancelIo(p[1]), "nothing pending: nothing to do");
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      awaitReadable(ws, p[1]);
      assertEquals(2, ws.recv(p[1], new byte[4], 4, 0), "nothing cancelled: the socket is as it was");
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), ov));
      assertTrue(ws.CancelIo(p[1]));
      assertEquals(WSA_OPERATION_ABORTED, ov.Internal);
      IntRef cb = new IntRef(-1);
      assertFalse(ws.WSAGetOverlappedResult(p[1], ov, cb, true, new IntRef(-1)));
      assertEquals(WSA_OPERATION_ABORTED, ws.WSAGetLastError());
      assertEquals(0, cb.value);
      assertFails(ws, WSAECONNABORTED, ws.recv(p[1], new byte[4], 4, 0));
      assertFails(ws, WSAECONNABORTED, recv(ws, p[1], new byte[4], new IntRef(-1), new WSAOVERLAPPED()));
      assertEquals(0, ws.closesocket(p[1]));
      assertFalse(ws.CancelIo(p[1]));
      assertEquals(WSA_INVALID_HANDLE, ws.WSAGetLastError());
      return 0;
    });
    List<String> cancels = trace.events(e -> e.kind() == TraceKind.CALL && e.name().equals("CancelIo")).stream()
        .map(e -> e.field("cancelled") + "/" + e.field("compromised")).toList();
    assertEquals(List.of("0/false", "1/true", "0/false"), cancels);
    assertEquals(List.of("WSARecv:0:WSA_OPERATION_ABORTED"), trace.events(e -> e.kind() == TraceKind.COMPLETION).stream()
        .map(e -> e.name() + ":" + e.field("bytes") + ":" + e.field("error")).toList());
  }

  @World.Win32Worlds
  void cancelIoLeavesAnotherTasksOperationsPending(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), ov));
      Task other = emu.createTask("other", () -> ws.CancelIo(p[1]) ? 1 : 0);
      assertEquals(1, Emus.join(other));
      assertEquals(STATUS_PENDING, ov.Internal, "not its operation");
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      assertEquals(2, await(ws, p[1], ov));
      return 0;
    });
  }

  @World.Win32Worlds
  void theEndOfTheStartingTaskAbortsItsPendingOperations(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      Task starter = emu.createTask("starter", () -> {
        int r = recv(ws, p[1], new byte[8], new IntRef(-1), ov);
        return r == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
      });
      assertEquals(WSA_IO_PENDING, Emus.join(starter));
      assertEquals(WSA_OPERATION_ABORTED, ov.Internal);
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      awaitReadable(ws, p[1]);
      assertEquals(2, ws.recv(p[1], new byte[4], 4, 0), "the socket is still usable; the data was not taken");
      return 0;
    });
  }

  /**
   * The end of a task aborts what it started on every socket it used, including a handle closed and
   * used again, and leaves another task's operation on the same socket pending.
   */
  @World.Win32Worlds
  void theEndOfATaskAbortsItsOwnOperationsOnEverySocketAndNoOtherTasks(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      int[] q = pair(ws);
      WSAOVERLAPPED mine = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), mine));
      WSAOVERLAPPED onP = new WSAOVERLAPPED();
      WSAOVERLAPPED onQ = new WSAOVERLAPPED();
      WSAOVERLAPPED onReused = new WSAOVERLAPPED();
      int[] reused = new int[1];
      Task starter = emu.createTask("starter", () -> {
        int[] r = pair(ws);
        recv(ws, r[1], new byte[8], new IntRef(-1), new WSAOVERLAPPED());
        ws.closesocket(r[1]);
        ws.closesocket(r[0]);
        int[] again = pair(ws); // the handles are used again
        reused[0] = again[1];
        int a = recv(ws, p[1], new byte[8], new IntRef(-1), onP);
        int b = recv(ws, q[1], new byte[8], new IntRef(-1), onQ);
        int c = recv(ws, again[1], new byte[8], new IntRef(-1), onReused);
        return a == SOCKET_ERROR && b == SOCKET_ERROR && c == SOCKET_ERROR ? ws.WSAGetLastError() : 0;
      });
      assertEquals(WSA_IO_PENDING, Emus.join(starter));
      assertEquals(WSA_OPERATION_ABORTED, onP.Internal);
      assertEquals(WSA_OPERATION_ABORTED, onQ.Internal);
      assertEquals(WSA_OPERATION_ABORTED, onReused.Internal, "socket " + reused[0]);
      assertEquals(STATUS_PENDING, mine.Internal, "not the ended task's operation");
      assertEquals(2, ws.send(p[0], ascii("ok"), 2, 0));
      assertEquals(2, await(ws, p[1], mine));
      return 0;
    });
  }

  @World.AllWorlds
  void wsaCleanupAbortsThePendingOperations(World world) throws Exception {
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      WSAOVERLAPPED ov = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), ov));
      WSAOVERLAPPED send = new WSAOVERLAPPED();
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[0], new byte[8], new IntRef(-1), send));
      assertEquals(0, ws.WSACleanup());
      assertEquals(WSA_OPERATION_ABORTED, ov.Internal);
      assertEquals(WSA_OPERATION_ABORTED, send.Internal);
      return 0;
    });
  }

  @World.AllWorlds
  void anEmulatorShutDownWithOperationsPendingClosesClean(World world) throws Exception {
    WSAOVERLAPPED ov = new WSAOVERLAPPED();
    run(world, (emu, ws, user) -> {
      startup(ws, 0x0202);
      int[] p = pair(ws);
      assertFails(ws, WSA_IO_PENDING, recv(ws, p[1], new byte[8], new IntRef(-1), ov));
      return 0; // Win32: the task ends; Win16: its application ends; then the emulator closes
    });
    assertEquals(WSA_OPERATION_ABORTED, ov.Internal);
  }
}
