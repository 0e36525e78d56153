package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wsemu.winsock.WinSock.*;
import static org.wsemu.winsock.WinsockTestSupport.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wsemu.Emulator;
import org.wsemu.task.SchedulingMode;

/**
 * Byte order and address conversions, called from the plain test thread (not a task) of an
 * emulator that was never started and never saw WSAStartup: they need neither.
 */
@Timeout(20)
class ConversionsTest {

  private Emulator emu;
  private WinsockApi ws;

  @BeforeEach
  void createEmulator() {
    emu = builder(SchedulingMode.WIN32).build();
    ws = emu.winsock();
  }

  @AfterEach
  void closeEmulator() {
    emu.close();
  }

  @Test
  void htonsAndNtohsSwapTheTwoLowBytes() {
    assertEquals(0x3412, ws.htons(0x1234));
    assertEquals(0x1234, ws.ntohs(0x3412));
    assertEquals(0x5000, ws.htons(80));
    assertEquals(0x3412, ws.htons(0xABCD1234), "only the low 16 bits count");
    assertEquals(0xFFFF, ws.ntohs(0xFFFF));
    assertEquals(0x3412, htons(0x1234), "the static macro agrees");
    assertEquals(0x1234, ntohs(0x3412));
  }

  @Test
  void htonlAndNtohlReverseTheFourBytes() {
    assertEquals(0x04030201, ws.htonl(0x01020304));
    assertEquals(0x01020304, ws.ntohl(0x04030201));
    assertEquals(0x0100007F, ws.htonl(INADDR_LOOPBACK));
    assertEquals(0x78563412, ws.htonl(0x12345678));
    assertEquals(0xEFBEADDE, ws.htonl(0xDEADBEEF));
    assertEquals(0x04030201, htonl(0x01020304), "the static macro agrees");
    assertEquals(0x01020304, ntohl(0x04030201));
  }

  @Test
  void inetAddrOfADottedQuadIsNetworkOrderAsAnX86HostHoldsIt() {
    assertEquals(0x0100007F, ws.inet_addr("127.0.0.1"));
    assertEquals(htonl(INADDR_LOOPBACK), ws.inet_addr("127.0.0.1"));
    assertEquals(0x0302010A, ws.inet_addr("10.1.2.3"));
    assertEquals(0x00000000, ws.inet_addr("0.0.0.0"));
    assertEquals(0xFEFFFFFF, ws.inet_addr("255.255.255.254"));
    assertEquals(0xFFFFFFFF, ws.inet_addr("255.255.255.255"), "the broadcast address is INADDR_NONE too");
  }

  @Test
  void inetAddrAcceptsBerkeleysShortForms() {
    assertEquals(ws.inet_addr("1.2.0.3"), ws.inet_addr("1.2.3"), "a.b.c: c fills 16 bits");
    assertEquals(0x03000201, ws.inet_addr("1.2.3"));
    assertEquals(ws.inet_addr("1.2.1.44"), ws.inet_addr("1.2.300"));
    assertEquals(ws.inet_addr("1.0.0.2"), ws.inet_addr("1.2"), "a.b: b fills 24 bits");
    assertEquals(0x02000001, ws.inet_addr("1.2"));
    assertEquals(ws.inet_addr("1.1.0.0"), ws.inet_addr("1.65536"));
    assertEquals(ws.inet_addr("127.0.0.1"), ws.inet_addr("2130706433"), "a: 32 bits");
  }

  @Test
  void inetAddrAcceptsOctalAndHexadecimalParts() {
    assertEquals(ws.inet_addr("127.0.0.1"), ws.inet_addr("0x7f.1"));
    assertEquals(ws.inet_addr("127.0.0.1"), ws.inet_addr("0X7F.0.0.0x1"));
    assertEquals(ws.inet_addr("8.0.0.1"), ws.inet_addr("010.0.0.1"), "a leading 0 is octal");
    assertEquals(0x01000008, ws.inet_addr("010.0.0.1"));
    assertEquals(ws.inet_addr("127.0.0.1"), ws.inet_addr("0177.0.0.01"));
    assertEquals(ws.inet_addr("0.0.0.0"), ws.inet_addr("0.0.0.0"));
  }

  @Test
  void inetAddrAcceptsATrailingBlank() {
    assertEquals(0x0100007F, ws.inet_addr("127.0.0.1 "));
  }

  @Test
  void inetAddrOfAnythingElseIsInaddrNone() {
    for (String bad : new String[] {
        "", "256.0.0.1", "1.2.3.4.5", "1.2.3.256", "1.2.65536", "1.16777216", "a.b.c.d", "1..2.3", "1.2.3.",
        ".1.2.3", "08.0.0.1", "0x.1.2.3", "-1.2.3.4", " ", "localhost"}) {
      assertEquals(INADDR_NONE, ws.inet_addr(bad), "\"" + bad + "\"");
    }
    assertEquals(INADDR_NONE, ws.inet_addr(null));
  }

  @Test
  void inetAddrAcceptsOnlyAsciiDigitsInEachPart() {
    for (String bad : new String[] {"+1.2.3.4", "1.2.3.+4", "1.2.3.0-0", "0x+7f.0.0.1", "\u0661.2.3.4"}) {
      assertEquals(INADDR_NONE, ws.inet_addr(bad), "\"" + bad + "\"");
    }
  }

  @Test
  void inetNtoaFormatsTheDottedQuad() {
    assertEquals("127.0.0.1", ws.inet_ntoa(new in_addr(0x0100007F)));
    assertEquals("10.1.2.3", ws.inet_ntoa(new in_addr(ws.inet_addr("10.1.2.3"))));
    assertEquals("255.255.255.255", ws.inet_ntoa(new in_addr(INADDR_NONE)));
    assertEquals("0.0.0.0", ws.inet_ntoa(new in_addr()));
    assertEquals("1.0.0.2", ws.inet_ntoa(new in_addr(ws.inet_addr("1.2"))));
    assertNull(ws.inet_ntoa(null));
  }

  @Test
  void inAddrBytesAreTheAddressInNetworkOrder() {
    in_addr loopback = new in_addr(0x0100007F);
    assertArrayEquals(new byte[] {127, 0, 0, 1}, loopback.bytes());
    assertArrayEquals(new byte[] {(byte) 192, (byte) 168, 1, (byte) 200}, new in_addr(ws.inet_addr("192.168.1.200")).bytes());
    in_addr address = new in_addr();
    address.set(new byte[] {10, 1, 2, 3});
    assertEquals(ws.inet_addr("10.1.2.3"), address.s_addr);
    assertEquals("10.1.2.3", address.toString());
    address.set(new byte[] {(byte) 255, 0, 0, (byte) 128});
    assertEquals(0x800000FF, address.s_addr);
    assertThrows(IllegalArgumentException.class, () -> address.set(new byte[] {1, 2, 3}));
    assertThrows(IllegalArgumentException.class, () -> address.set(null));
  }

  @Test
  void aSockaddrInHoldsPortAndAddressInNetworkOrder() {
    sockaddr_in sin = loopback(8080);
    assertEquals(AF_INET, sin.sin_family);
    assertEquals(0x901F, sin.sin_port);
    assertEquals(0x0100007F, sin.sin_addr.s_addr);
    assertEquals("127.0.0.1:8080", sin.toString());
  }

  @Test
  void theConversionsWorkFromAPlainThreadOfAnEmulatorInEitherMode() {
    for (SchedulingMode mode : SchedulingMode.values()) {
      try (Emulator other = builder(mode).build()) {
        WinsockApi api = other.winsock();
        assertEquals(0x3412, api.htons(0x1234));
        assertEquals(0x1234, api.ntohs(0x3412));
        assertEquals(0x04030201, api.htonl(0x01020304));
        assertEquals(0x01020304, api.ntohl(0x04030201));
        assertEquals(0x0100007F, api.inet_addr("127.0.0.1"));
        assertEquals("127.0.0.1", api.inet_ntoa(new in_addr(0x0100007F)));
      }
    }
  }

  @Test
  void inetAddrAndInetNtoaAreAlsoStaticAsHtonsIs() {
    sockaddr_in sin = new sockaddr_in();
    sin.sin_family = AF_INET;
    sin.sin_port = htons(7);
    sin.sin_addr.s_addr = inet_addr("127.0.0.1");        // as C writes it, with WinSock.* imported
    assertEquals("127.0.0.1:7", sin.toString());
    assertEquals("127.0.0.1", inet_ntoa(sin.sin_addr));
    assertNull(inet_ntoa(null));
    for (String text : new String[] {"10.1.2.3", "1.2", "0x7f.1", "010.0.0.1", "256.0.0.1", "", "localhost"}) {
      assertEquals(ws.inet_addr(text), inet_addr(text), text);
      assertEquals(ws.inet_ntoa(new in_addr(ws.inet_addr(text))), inet_ntoa(new in_addr(inet_addr(text))), text);
    }
    assertEquals(INADDR_NONE, inet_addr(null));
  }
}
