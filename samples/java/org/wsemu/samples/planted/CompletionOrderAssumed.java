package org.wsemu.samples.planted;

import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;
import static org.wsemu.winsock.WinSock2.WAIT_IO_COMPLETION;
import static org.wsemu.winsock.WinSock2.WSA_FLAG_OVERLAPPED;
import static org.wsemu.winsock.WinSock2.WSA_INFINITE;

import java.time.Duration;
import org.wsemu.Emulator;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.winsock.IntRef;
import org.wsemu.winsock.WSABUF;
import org.wsemu.winsock.WSADATA;
import org.wsemu.winsock.WSAOVERLAPPED;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * Overlapped completions assumed in posted order: a Winsock 2 program posts three overlapped
 * WSARecv for the three fields of a fixed-size message (4, 5 and 6 bytes), each with a completion
 * routine, and its routine appends the field it received to the message, as if the routines ran
 * in the order the receives were posted. The buffers are filled in posted order, but the three
 * receives complete together and their completions may be indicated in any order; on the
 * emulator's own schedule they come in posted order. When they come in another (completion
 * order), the message is assembled out of order. Fixed: each routine stores its field at the
 * place its WSAOVERLAPPED says (the number in hEvent, free for the program's use with a routine).
 *
 * <p>Threading: immutable; each {@link #run} keeps its state in a fresh run object whose tasks use it
 * one at a time (Win16), and its servers in the simulated network's callbacks; several runs may go at once.
 */
public class CompletionOrderAssumed extends PlantedProgram {
  static final int PORT = 5002;
  static final int[] SIZES = {4, 5, 6};
  static final String MESSAGE = "FROMTO---SUBJCT";

  /** The version with the bug. */
  public CompletionOrderAssumed() {
    this(false);
  }

  /** @param fixed whether to run the fixed version */
  public CompletionOrderAssumed(boolean fixed) {
    super(fixed, "completion-order-assumed",
        "the completion routines of three overlapped receives are assumed to run in posted order",
        "COMPLETION_ORDER");
  }

  /** The fixed version, for the command line. */
  public static final class Fixed extends CompletionOrderAssumed {
    /** The fixed version. */
    public Fixed() {
      super(true);
    }
  }

  @Override
  Run start(SimulatedNetwork network) {
    network.listen(network.defaultHost(), PORT, connection -> {
      connection.after(Duration.ofMillis(50), () -> {
        connection.send(Win16.ascii(MESSAGE));
        connection.close();
      });
      return () -> { };
    });
    return new Receiver();
  }

  /** One run: the receiver, one task. */
  private final class Receiver implements Run {
    private WinsockApi ws;
    private final byte[][] buf = new byte[SIZES.length][];
    private final StringBuilder message = new StringBuilder();          // the bug: appended in routine order
    private final String[] fields = new String[SIZES.length];           // the fix: each in its place
    private int completed;

    @Override
    public void create(Emulator emu) {
      ws = emu.winsock();
      emu.createTask("receiver", this::main);
    }

    @Override
    public void check() {
      String got = fixed() ? String.join("", fields) : message.toString();
      expect(got.equals(MESSAGE), "assembled \"" + got + "\" instead of \"" + MESSAGE + "\"");
    }

    private int main() {
      ws.WSAStartup(0x0202, new WSADATA());
      int s = ws.WSASocket(AF_INET, SOCK_STREAM, 0, null, 0, WSA_FLAG_OVERLAPPED);
      ws.connect(s, new sockaddr_in(htons(PORT), inet_addr("127.0.0.1")), sockaddr_in.SIZE);
      for (int i = 0; i < SIZES.length; i++) {
        buf[i] = new byte[SIZES[i]];
        WSABUF[] wsabuf = {new WSABUF(SIZES[i], buf[i])};
        ws.WSARecv(s, wsabuf, 1, new IntRef(0), new IntRef(0), new WSAOVERLAPPED(i + 1), this::completionRoutine);
      }
      while (completed < SIZES.length && ws.SleepEx(WSA_INFINITE, true) == WAIT_IO_COMPLETION) {
        // the routines run in here
      }
      ws.closesocket(s);
      ws.WSACleanup();
      return 0;
    }

    private void completionRoutine(int dwError, int cbTransferred, WSAOVERLAPPED lpOverlapped, int dwFlags) {
      int i = fixed() ? lpOverlapped.hEvent - 1 : completed;           // the bug: the i-th routine is field i
      String field = Win16.ascii(buf[fixed() ? i : lpOverlapped.hEvent - 1], cbTransferred);
      completed++;
      if (fixed()) {
        fields[i] = field;
      } else {
        message.append(field);
      }
    }
  }
}
