package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.user.WinUser.WM_USER;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.AF_UNSPEC;
import static org.wsemu.winsock.WinSock.FD_CLOSE;
import static org.wsemu.winsock.WinSock.FD_READ;
import static org.wsemu.winsock.WinSock.FD_WRITE;
import static org.wsemu.winsock.WinSock.FIONBIO;
import static org.wsemu.winsock.WinSock.FIONREAD;
import static org.wsemu.winsock.WinSock.IPPROTO_TCP;
import static org.wsemu.winsock.WinSock.IPPROTO_UDP;
import static org.wsemu.winsock.WinSock.MAXGETHOSTSTRUCT;
import static org.wsemu.winsock.WinSock.MSG_DONTROUTE;
import static org.wsemu.winsock.WinSock.MSG_PEEK;
import static org.wsemu.winsock.WinSock.SOCK_DGRAM;
import static org.wsemu.winsock.WinSock.SOCK_STREAM;
import static org.wsemu.winsock.WinSock.SOL_SOCKET;
import static org.wsemu.winsock.WinSock.SO_LINGER;
import static org.wsemu.winsock.WinSock.SO_TYPE;
import static org.wsemu.winsock.WinSock.TCP_NODELAY;
import static org.wsemu.winsock.WinSock2.SD_SEND;
import static org.wsemu.winsock.WinSock2.WSA_FLAG_OVERLAPPED;
import static org.wsemu.winsock.WinsockTestSupport.pair;
import static org.wsemu.winsock.WinsockTestSupport.run;
import static org.wsemu.winsock.WinsockTestSupport.startup;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.wsemu.testing.Emus;
import org.wsemu.testing.World;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceFormat;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * Real calls emit the constants of their arguments by name, as winsock.h spells them: the CALL
 * events of the program's task, in its order, and the ASYNC events of the notifications.
 */
@Timeout(20)
class SymbolicTraceFieldsTest {
  private static final Set<String> SHOWN = Set.of("socket", "WSASocket", "ioctlsocket", "setsockopt", "getsockopt",
      "send", "recv", "shutdown", "WSAAsyncSelect", "WSAEventSelect", "WSAEnumNetworkEvents", "gethostbyaddr",
      "WSAAsyncGetHostByName", "select");
  /** The ASYNC events that do not depend on timing (a lookup's reply may come before its cancel or not). */
  private static final Set<String> NOTIFIED = Set.of("select", "record", "queued");

  private static TraceRecorder program(World world) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    run(world.builder().traceSink(trace), (emu, ws, user) -> {
      startup(ws, 0x0202);
      ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
      ws.socket(99, SOCK_STREAM, 0);
      ws.WSASocket(AF_INET, SOCK_STREAM, IPPROTO_TCP, null, 0, WSA_FLAG_OVERLAPPED);
      int[] pair = pair(ws);
      ws.setsockopt(pair[0], IPPROTO_TCP, TCP_NODELAY, new IntRef(1), 4);
      ws.getsockopt(pair[0], SOL_SOCKET, SO_TYPE, new IntRef(), new IntRef(4));
      ws.setsockopt(pair[0], SOL_SOCKET, 0x7777, new IntRef(1), 4);
      ws.setsockopt(pair[0], SOL_SOCKET, SO_LINGER, new linger(1, 10), linger.SIZE);
      ws.send(pair[0], new byte[] {'a'}, 1, MSG_DONTROUTE);
      ws.recv(pair[1], new byte[1], 1, MSG_PEEK);
      fd_set readable = new fd_set();
      readable.fd_array[readable.fd_count++] = pair[1];
      readable.fd_array[readable.fd_count++] = pair[0];
      fd_set writable = new fd_set();
      writable.fd_array[writable.fd_count++] = pair[0];
      ws.select(0, readable, writable, null, new timeval(0, 0)); // the byte peeked at is there
      ws.send(pair[0], new byte[1], 1, 0x40);
      ws.recv(pair[1], new byte[1], 1, MSG_PEEK | 0x100);
      ws.ioctlsocket(pair[1], FIONREAD, new IntRef());
      ws.ioctlsocket(pair[0], FIONBIO, new IntRef(1));
      ws.ioctlsocket(pair[0], 0x1234, new IntRef());
      int hwnd = Emus.window(user, "Names", user::DefWindowProc);
      ws.WSAAsyncSelect(pair[1], hwnd, WM_USER + 2, FD_READ | FD_CLOSE);
      ws.WSAAsyncSelect(pair[1], hwnd, 0, 0);
      int event = ws.WSACreateEvent();
      ws.WSAEventSelect(pair[1], event, FD_READ | FD_WRITE);
      ws.WSAEventSelect(pair[1], event, FD_READ | 0x4000);
      ws.WSAEnumNetworkEvents(pair[1], event, new WSANETWORKEVENTS());
      ws.WSACloseEvent(event);
      ws.shutdown(pair[0], SD_SEND); // after the selects: no FD_CLOSE, whenever the peer's FIN arrives
      ws.shutdown(pair[0], 7);
      ws.gethostbyaddr(new byte[] {127, 0, 0, 1}, 4, AF_UNSPEC);
      int handle = ws.WSAAsyncGetHostByName(hwnd, WM_USER + 3, "localhost", new byte[MAXGETHOSTSTRUCT],
          MAXGETHOSTSTRUCT);
      ws.WSACancelAsyncRequest(handle);
      user.DestroyWindow(hwnd);
      return ws.WSACleanup();
    });
    return trace;
  }

  /** An event's line without its number, time and task. */
  private static String shown(TraceEvent e) {
    String line = TraceFormat.line(e);
    return line.substring(line.indexOf(e.kind().name()));
  }

  @World.AllWorlds
  void callsShowTheirConstantsByName(World world) throws Exception {
    TraceRecorder trace = program(world);
    List<String> calls = trace.events(e -> e.kind() == TraceKind.CALL && SHOWN.contains(e.name())).stream()
        .map(SymbolicTraceFieldsTest::shown).toList();
    assertEquals(List.of(
        "CALL socket af=AF_INET type=SOCK_DGRAM protocol=IPPROTO_UDP ret=1",
        "CALL socket af=99 type=SOCK_STREAM protocol=0 ret=-1 error=WSAEAFNOSUPPORT",
        "CALL WSASocket af=AF_INET type=SOCK_STREAM protocol=IPPROTO_TCP g=0 dwFlags=WSA_FLAG_OVERLAPPED ret=2",
        "CALL socket af=AF_INET type=SOCK_STREAM protocol=0 ret=3", // pair's listener
        "CALL socket af=AF_INET type=SOCK_STREAM protocol=0 ret=4", // and its client
        "CALL setsockopt s=4 level=IPPROTO_TCP optname=TCP_NODELAY optval=1 ret=0",
        "CALL getsockopt s=4 level=SOL_SOCKET optname=SO_TYPE ret=0",
        "CALL setsockopt s=4 level=SOL_SOCKET optname=30583 ret=-1 error=WSAENOPROTOOPT",
        "CALL setsockopt s=4 level=SOL_SOCKET optname=SO_LINGER optval={l_onoff=1,l_linger=10} ret=0",
        "CALL send s=4 len=1 flags=MSG_DONTROUTE ret=1",
        "CALL recv s=5 len=1 flags=MSG_PEEK ret=1",
        "CALL select nfds=0 readfds={5,4}->{5} writefds={4}->{4} exceptfds=NULL timeout=0s0us ret=2",
        "CALL send s=4 len=1 flags=0x0040 ret=-1 error=WSAEOPNOTSUPP",
        "CALL recv s=5 len=1 flags=MSG_PEEK|0x0100 ret=-1 error=WSAEOPNOTSUPP",
        "CALL ioctlsocket s=5 cmd=FIONREAD argp=1 ret=0",
        "CALL ioctlsocket s=4 cmd=FIONBIO argp=1 ret=0",
        "CALL ioctlsocket s=4 cmd=0x00001234 argp=0 ret=-1 error=WSAEINVAL",
        "CALL WSAAsyncSelect s=5 hWnd=0x0100 wMsg=WM_USER+2 lEvent=FD_READ|FD_CLOSE ret=0",
        "CALL WSAAsyncSelect s=5 hWnd=0x0100 wMsg=WM_NULL lEvent=0 ret=0",
        "CALL WSAEventSelect s=5 hEventObject=1 lNetworkEvents=FD_READ|FD_WRITE ret=0",
        "CALL WSAEventSelect s=5 hEventObject=1 lNetworkEvents=FD_READ|0x4000 ret=-1 error=WSAEINVAL",
        "CALL WSAEnumNetworkEvents s=5 hEventObject=1 lpNetworkEvents=WSANETWORKEVENTS(lNetworkEvents=FD_READ|FD_WRITE) ret=0",
        "CALL shutdown s=4 how=SD_SEND ret=0",
        "CALL shutdown s=4 how=7 ret=-1 error=WSAEINVAL",
        "CALL gethostbyaddr len=4 type=AF_UNSPEC ret=NULL error=WSAEAFNOSUPPORT",
        "CALL WSAAsyncGetHostByName hWnd=0x0100 wMsg=WM_USER+3 arg=localhost buflen=1024 ret=1"), calls);
  }

  @World.AllWorlds
  void notificationsShowTheirEventAndMessageByName(World world) throws Exception {
    TraceRecorder trace = program(world);
    List<String> notes = trace.events(e -> e.kind() == TraceKind.ASYNC && NOTIFIED.contains(e.name())).stream()
        .map(SymbolicTraceFieldsTest::shown).toList();
    assertEquals(List.of(
        "ASYNC select s=5 event=FD_READ error=0 hwnd=0x0100 msg=WM_USER+2", // the byte peeked at is there
        "ASYNC record s=5 event=FD_READ error=0 hEvent=1",
        "ASYNC record s=5 event=FD_WRITE error=0 hEvent=1",
        "ASYNC queued handle=1 function=WSAAsyncGetHostByName arg=localhost hwnd=0x0100 msg=WM_USER+3"), notes);
  }
}
