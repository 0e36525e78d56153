package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEFAULT;
import static org.wsemu.winsock.WinSock.WSAEINVAL;
import static org.wsemu.winsock.WinSock2.FROM_PROTOCOL_INFO;
import static org.wsemu.winsock.WinSock2.WSA_FLAG_OVERLAPPED;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * WSASocket: socket() with a protocol description, a group and flags. The emulator's sockets are
 * the two protocols of the 1.1 API, so it takes {@code af}, {@code type} and {@code protocol} from
 * the {@link WSAPROTOCOL_INFO} where they are {@link WinSock2#FROM_PROTOCOL_INFO}, then creates the
 * socket as socket() does; {@link WinSock2#WSA_FLAG_OVERLAPPED} gives it the overlapped attribute.
 *
 * <p>Runs on the calling task's thread; stateless.
 */
final class SocketCreation {
  /** The multipoint flags of WSASocket (WSA_FLAG_MULTIPOINT_C_ROOT ... D_LEAF). */
  static final int MULTIPOINT_FLAGS = 0x02 | 0x04 | 0x08 | 0x10;

  private final WinsockInstance core;
  private final SocketCalls sockets;

  SocketCreation(WinsockInstance core, SocketCalls sockets) {
    this.core = core;
    this.sockets = sockets;
  }

  int WSASocket(int af, int type, int protocol, WSAPROTOCOL_INFO lpProtocolInfo, int g, int dwFlags) {
    WsCall call = core.begin("WSASocket");
    int r = core.gate(call);
    boolean fromInfo = af == FROM_PROTOCOL_INFO || type == FROM_PROTOCOL_INFO || protocol == FROM_PROTOCOL_INFO;
    if (r == 0 && fromInfo && lpProtocolInfo == null) {
      r = -WSAEFAULT;
    }
    if (r == 0 && fromInfo) {
      af = af == FROM_PROTOCOL_INFO ? lpProtocolInfo.iAddressFamily : af;
      type = type == FROM_PROTOCOL_INFO ? lpProtocolInfo.iSocketType : type;
      protocol = protocol == FROM_PROTOCOL_INFO ? lpProtocolInfo.iProtocol : protocol;
    }
    if (r == 0 && (g != 0 || (dwFlags & MULTIPOINT_FLAGS) != 0)) {
      r = -WSAEINVAL; // no socket groups, no multipoint: TCP and UDP support neither
    }
    if (r == 0) {
      r = sockets.create(call, af, type, protocol);
    }
    if (r > 0) {
      EmulatedSocket socket = core.sockets.get(r);
      synchronized (socket) {
        socket.overlapped.attribute = (dwFlags & WSA_FLAG_OVERLAPPED) != 0;
      }
    }
    return core.finish(call, r, "af", WinsockNames.addressFamily(af), "type", WinsockNames.socketType(type),
        "protocol", WinsockNames.protocol(protocol), "g", g, "dwFlags", WinsockNames.socketFlags(dwFlags));
  }
}
