package org.wsemu.samples.planted;

import static org.wsemu.user.WinDef.NULL;
import static org.wsemu.user.WinUser.WS_OVERLAPPEDWINDOW;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.INVALID_SOCKET;
import static org.wsemu.winsock.WinSock.SOCKET_ERROR;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.htons;
import static org.wsemu.winsock.WinSock.inet_addr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.wsemu.sim.PeerConnection;
import org.wsemu.sim.SimulatedNetwork;
import org.wsemu.user.User;
import org.wsemu.user.WNDCLASS;
import org.wsemu.user.WNDPROC;
import org.wsemu.winsock.WinsockApi;
import org.wsemu.winsock.sockaddr_in;

/**
 * The few routines the planted programs share, as a Win16 program kept them in a common module.
 * Stateless and thread-safe.
 */
final class Win16 {
  private Win16() {}

  /** Registers a window class with {@code proc} and creates its window; returns the hWnd. */
  static int window(User user, String className, WNDPROC proc) {
    WNDCLASS wc = new WNDCLASS();
    wc.lpfnWndProc = proc;
    wc.lpszClassName = className;
    user.RegisterClass(wc);
    return user.CreateWindow(className, className, WS_OVERLAPPEDWINDOW, 0, 0, 200, 100, NULL, NULL, NULL, null);
  }

  /**
   * {@code SOCKET ConnectTo(u_short port)}: a blocking stream socket connected to 127.0.0.1:port,
   * or INVALID_SOCKET.
   */
  static int connectTo(WinsockApi ws, int port) {
    int s = ws.socket(AF_INET, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET) {
      return INVALID_SOCKET;
    }
    if (ws.connect(s, new sockaddr_in(htons(port), inet_addr("127.0.0.1")), sockaddr_in.SIZE) == SOCKET_ERROR) {
      ws.closesocket(s);
      return INVALID_SOCKET;
    }
    return s;
  }

  /** The bytes of an ASCII string. */
  /**
   * A server on {@code port} of the network's default host that answers each request it reads with
   * {@code answer}, {@code after} it read it, and closes when the client does.
   */
  static void answerEachRequest(SimulatedNetwork network, int port, Duration after, String answer) {
    network.listen(network.defaultHost(), port, connection -> () -> {
      byte[] buf = new byte[16];
      int n;
      while ((n = connection.read(buf, 0, buf.length)) > 0) {
        connection.after(after, () -> connection.send(ascii(answer)));
      }
      if (n != PeerConnection.WOULD_BLOCK) {
        connection.close();
      }
    });
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code n} bytes of {@code buf} as ASCII. */
  static String ascii(byte[] buf, int n) {
    return new String(buf, 0, n, StandardCharsets.US_ASCII);
  }

  /** An IPv4 address in dotted form. */
  static String dotted(byte[] a) {
    return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
  }
}
