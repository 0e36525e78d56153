package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wsemu.winsock.WinSock.AF_INET;
import static org.wsemu.winsock.WinSock.IPPROTO_UDP;
import static org.wsemu.winsock.WinSock.htons;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;
import org.wsemu.testing.Emus;
import org.wsemu.trace.TraceEvent;
import org.wsemu.trace.TraceKind;
import org.wsemu.trace.TraceRecorder;

/**
 * How results read in the trace: a pointer result as a summary of what it points to, or NULL,
 * never a number that reads like NULL; a BOOL as true or false, as USER's are.
 */
@Timeout(20)
class TraceValuesTest {

  @Test
  void aLookupShowsTheStructureItReturnsOrNull() throws Exception {
    List<String> lines = traced(ws -> {
      ws.gethostbyname("localhost");
      ws.gethostbyname("no.such.host");
      ws.gethostbyaddr(new byte[] {127, 0, 0, 1}, 4, AF_INET);
      ws.getservbyname("echo", "udp");
      ws.getservbyport(htons(7), "tcp");
      ws.getservbyname("no-such-service", null);
      ws.getprotobyname("tcp");
      ws.getprotobynumber(IPPROTO_UDP);
      ws.getprotobynumber(1234);
    });
    assertEquals(List.of(
        "gethostbyname name=localhost ret=hostent(localhost)",
        "gethostbyname name=no.such.host ret=NULL error=WSAHOST_NOT_FOUND",
        "gethostbyaddr len=4 type=AF_INET ret=hostent(localhost)",
        "getservbyname name=echo proto=udp ret=servent(echo/udp)",
        "getservbyport port=7 proto=tcp ret=servent(echo/tcp)",
        "getservbyname name=no-such-service proto=null ret=NULL error=WSANO_DATA",
        "getprotobyname name=tcp ret=protoent(tcp)",
        "getprotobynumber number=17 ret=protoent(udp)",
        "getprotobynumber number=1234 ret=NULL error=WSANO_DATA"), lines);
  }

  @Test
  void aLookupRefusedAtTheGateShowsNull() throws Exception {
    List<String> lines = traced(ws -> {
      ws.WSACleanup();
      ws.gethostbyname("localhost");
    });
    assertEquals(List.of("WSACleanup ret=0", "gethostbyname name=localhost ret=NULL error=WSANOTINITIALISED"), lines);
  }

  @Test
  void theBlockingHookFunctionsShowTheHookTheyReturn() throws Exception {
    List<String> lines = traced(ws -> {
      ws.WSASetBlockingHook(() -> false);
      ws.WSASetBlockingHook(null);
      ws.WSAUnhookBlockingHook();
    });
    assertEquals(List.of(
        "WSASetBlockingHook lpBlockFunc=BlockingHook ret=DefaultBlockingHook",
        "WSASetBlockingHook lpBlockFunc=NULL ret=NULL error=WSAEFAULT",
        "WSAUnhookBlockingHook ret=0"), lines);
  }

  @Test
  void wsaIsBlockingShowsABoolLikeEveryOtherBool() throws Exception {
    assertEquals(List.of("WSAIsBlocking ret=false"), traced(WinsockApi::WSAIsBlocking));
  }

  @Test
  void theAddressConversionsShowWhatTheyReturn() throws Exception {
    List<String> lines = traced(ws -> {
      ws.inet_addr("127.0.0.1");
      ws.inet_addr("no.address");
      ws.inet_ntoa(new in_addr(WinSock.inet_addr("10.1.2.3")));
      ws.inet_ntoa(null);
    });
    assertEquals(List.of(
        "inet_addr cp=127.0.0.1 ret=0x0100007F",
        "inet_addr cp=no.address ret=0xFFFFFFFF",
        "inet_ntoa in=10.1.2.3 ret=10.1.2.3",
        "inet_ntoa in=null ret=NULL"), lines);
  }

  @Test
  void theAddressConversionsNeedNoTaskAndTraceWithoutOne() {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = Emus.emulator(SchedulingMode.WIN32, trace)) {
      assertEquals(0x0100007F, emu.winsock().inet_addr("127.0.0.1"));
      assertEquals("127.0.0.1", emu.winsock().inet_ntoa(new in_addr(0x0100007F)));
    }
    assertEquals(List.of("- CALL inet_addr cp=127.0.0.1 ret=0x0100007F", "- CALL inet_ntoa in=127.0.0.1 ret=127.0.0.1"),
        trace.events(e -> e.kind() == TraceKind.CALL).stream()
            .map(e -> e.task() + " CALL " + e.name() + fields(e)).toList());
  }

  /** Calls made after WSAStartup by one task, as "name fields" of their CALL events. */
  private interface Calls {
    void make(WinsockApi ws) throws Exception;
  }

  private static List<String> traced(Calls calls) throws Exception {
    TraceRecorder trace = new TraceRecorder();
    try (Emulator emu = Emus.emulator(SchedulingMode.WIN16, trace)) {
      Emus.run(emu, () -> {
        WinsockTestSupport.startup(emu.winsock());
        trace.clear();
        calls.make(emu.winsock());
        return 0;
      });
    }
    return trace.events(e -> e.kind() == TraceKind.CALL).stream().map(e -> e.name() + fields(e)).toList();
  }

  private static String fields(TraceEvent event) {
    StringBuilder sb = new StringBuilder();
    event.fields().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
