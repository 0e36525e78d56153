package org.wsemu.winsock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsyncPackingTest {

  private static final byte SENTINEL = 0x55;
  private static final byte[] LOOPBACK = {127, 0, 0, 1};
  private static final byte[] TEN_1 = {10, 0, 0, 1};
  private static final byte[] HIGH = {(byte) 192, (byte) 168, 1, (byte) 200};

  private static final HostRecord SMALL_HOST = new HostRecord("ab", List.of("c"), List.of(LOOPBACK));
  private static final ServiceRecord ECHO = new ServiceRecord("echo", List.of("ping"), 7, "tcp");
  private static final ProtocolRecord UDP = new ProtocolRecord("udp", List.of("UDP"), 17);

  private static final HostRecord TYPICAL_HOST =
      new HostRecord(
          "server.example.com",
          List.of("www.example.com", "mail.example.com"),
          List.of(HIGH, TEN_1));

  private static byte[] filled(int length) {
    byte[] buf = new byte[length];
    Arrays.fill(buf, SENTINEL);
    return buf;
  }

  private static byte[] packed(HostRecord record) {
    byte[] buf = filled(AsyncPacking.hostentSize(record));
    assertEquals(buf.length, AsyncPacking.hostent(record, buf, buf.length));
    return buf;
  }

  private static byte[] packed(ServiceRecord record) {
    byte[] buf = filled(AsyncPacking.serventSize(record));
    assertEquals(buf.length, AsyncPacking.servent(record, buf, buf.length));
    return buf;
  }

  private static byte[] packed(ProtocolRecord record) {
    byte[] buf = filled(AsyncPacking.protoentSize(record));
    assertEquals(buf.length, AsyncPacking.protoent(record, buf, buf.length));
    return buf;
  }

  private static void putU32(byte[] buf, int at, long value) {
    for (int i = 0; i < 4; i++) {
      buf[at + i] = (byte) (value >>> (8 * i));
    }
  }

  // ---- exact bytes ----

  @Test
  void aSmallHostentPacksIntoExactlyTheseBytes() {
    byte[] expected = {
      36, 0, 0, 0, 16, 0, 0, 0, 2, 0, 4, 0, 24, 0, 0, 0, // h_name, h_aliases, AF_INET, 4, h_addr_list
      39, 0, 0, 0, 0, 0, 0, 0, // 16: aliases -> "c", NULL
      32, 0, 0, 0, 0, 0, 0, 0, // 24: addresses -> 127.0.0.1, NULL
      127, 0, 0, 1, // 32
      'a', 'b', 0, // 36
      'c', 0 // 39
    };
    assertEquals(41, AsyncPacking.hostentSize(SMALL_HOST));
    assertArrayEquals(expected, packed(SMALL_HOST));
  }

  @Test
  void aServentPacksIntoExactlyTheseBytesWithThePortInNetworkOrder() {
    byte[] expected = {
      24, 0, 0, 0, 16, 0, 0, 0, 0, 7, 0, 0, 34, 0, 0, 0, // s_name, s_aliases, s_port, pad, s_proto
      29, 0, 0, 0, 0, 0, 0, 0, // 16: aliases -> "ping", NULL
      'e', 'c', 'h', 'o', 0, // 24
      'p', 'i', 'n', 'g', 0, // 29
      't', 'c', 'p', 0 // 34
    };
    assertEquals(38, AsyncPacking.serventSize(ECHO));
    assertArrayEquals(expected, packed(ECHO));
  }

  @Test
  void aProtoentPacksIntoExactlyTheseBytes() {
    byte[] expected = {
      20, 0, 0, 0, 12, 0, 0, 0, 17, 0, 0, 0, // p_name, p_aliases, p_proto, pad
      24, 0, 0, 0, 0, 0, 0, 0, // 12: aliases -> "UDP", NULL
      'u', 'd', 'p', 0, // 20
      'U', 'D', 'P', 0 // 24
    };
    assertEquals(28, AsyncPacking.protoentSize(UDP));
    assertArrayEquals(expected, packed(UDP));
  }

  @Test
  void sPortHoldsHtonsOfThePortAsTheSynchronousServentDoes() {
    byte[] buf = packed(new ServiceRecord("x", List.of(), 0x1234, "udp"));
    assertEquals(0x12, buf[8]);
    assertEquals(0x34, buf[9]);
    assertEquals(0x3412, AsyncBuffer.servent(buf).s_port);
    assertEquals(WinSock.htons(0x1234), AsyncBuffer.servent(buf).s_port);
  }

  @Test
  void charactersOutsideAsciiAndNulAreWrittenAsQuestionMarks() {
    byte[] buf = packed(new ProtocolRecord("caf\u00e9", List.of("a\0b"), 1));
    assertEquals(12 + 8 + 5 + 4, buf.length);
    assertArrayEquals(new byte[] {'c', 'a', 'f', '?', 0, 'a', '?', 'b', 0}, Arrays.copyOfRange(buf, 20, 29));
    protoent read = AsyncBuffer.protoent(buf);
    assertEquals("caf?", read.p_name);
    assertArrayEquals(new String[] {"a?b"}, read.p_aliases);
  }

  // ---- sizes and buffer lengths ----

  @Test
  void aBufferOneByteTooSmallIsLeftUntouchedAndTheNeededSizeIsReturned() {
    byte[] buf = filled(100);
    assertEquals(41, AsyncPacking.hostent(SMALL_HOST, buf, 40));
    assertEquals(38, AsyncPacking.servent(ECHO, buf, 37));
    assertEquals(28, AsyncPacking.protoent(UDP, buf, 27));
    assertEquals(41, AsyncPacking.hostent(SMALL_HOST, buf, 0));
    assertArrayEquals(filled(100), buf);
  }

  @Test
  void theExactNeededSizeFitsAndNothingAfterItIsWritten() {
    byte[] buf = filled(100);
    assertEquals(41, AsyncPacking.hostent(SMALL_HOST, buf, 41));
    assertArrayEquals(packed(SMALL_HOST), Arrays.copyOf(buf, 41));
    assertArrayEquals(filled(59), Arrays.copyOfRange(buf, 41, 100));

    byte[] exact = filled(38);
    assertEquals(38, AsyncPacking.servent(ECHO, exact, 38));
    assertEquals("tcp", AsyncBuffer.servent(exact).s_proto);

    byte[] roomy = filled(100);
    assertEquals(28, AsyncPacking.protoent(UDP, roomy, 100));
    assertArrayEquals(filled(72), Arrays.copyOfRange(roomy, 28, 100));
  }

  @Test
  void aTypicalHostFitsInMaxgethoststruct() {
    assertEquals(100, AsyncPacking.hostentSize(TYPICAL_HOST));
    byte[] buf = new byte[WinSock.MAXGETHOSTSTRUCT];
    assertEquals(100, AsyncPacking.hostent(TYPICAL_HOST, buf, WinSock.MAXGETHOSTSTRUCT));
    hostent read = AsyncBuffer.hostent(buf);
    assertEquals("server.example.com", read.h_name);
    assertArrayEquals(HIGH, read.h_addr());
  }

  // ---- round trips ----

  private static void assertHostRoundTrip(HostRecord record) {
    hostent read = AsyncBuffer.hostent(packed(record));
    assertNotNull(read);
    assertEquals(record.name(), read.h_name);
    assertArrayEquals(record.aliases().toArray(new String[0]), read.h_aliases);
    assertEquals((short) 2, read.h_addrtype);
    assertEquals((short) 4, read.h_length);
    assertArrayEquals(record.addresses().toArray(new byte[0][]), read.h_addr_list);
  }

  @Test
  void hostsRoundTripWithNoneOneAndSeveralAliasesAndAddresses() {
    assertHostRoundTrip(new HostRecord("lonely", List.of(), List.of()));
    assertHostRoundTrip(new HostRecord("", List.of(), List.of(LOOPBACK)));
    assertHostRoundTrip(SMALL_HOST);
    assertHostRoundTrip(TYPICAL_HOST);
    assertHostRoundTrip(new HostRecord("many", List.of("a", "", "ccc"), List.of(LOOPBACK, TEN_1, HIGH)));
    assertEquals(16 + 4 + 4 + 7, AsyncPacking.hostentSize(new HostRecord("lonely", List.of(), List.of())));
  }

  private static void assertServiceRoundTrip(ServiceRecord record) {
    servent read = AsyncBuffer.servent(packed(record));
    assertNotNull(read);
    assertEquals(record.name(), read.s_name);
    assertArrayEquals(record.aliases().toArray(new String[0]), read.s_aliases);
    assertEquals(WinSock.htons(record.port()), read.s_port);
    assertEquals(record.port(), WinSock.ntohs(read.s_port));
    assertEquals(record.protocol(), read.s_proto);
  }

  @Test
  void servicesRoundTripWithNoneOneAndSeveralAliases() {
    assertServiceRoundTrip(new ServiceRecord("telnet", List.of(), 23, "tcp"));
    assertServiceRoundTrip(ECHO);
    assertServiceRoundTrip(new ServiceRecord("syslog", List.of("log", "logger", "sl"), 514, "udp"));
    assertServiceRoundTrip(new ServiceRecord("top", List.of(), 0xFFFF, "udp"));
    assertServiceRoundTrip(new ServiceRecord("zero", List.of(), 0, "tcp"));
  }

  private static void assertProtocolRoundTrip(ProtocolRecord record) {
    protoent read = AsyncBuffer.protoent(packed(record));
    assertNotNull(read);
    assertEquals(record.name(), read.p_name);
    assertArrayEquals(record.aliases().toArray(new String[0]), read.p_aliases);
    assertEquals(record.number(), read.p_proto);
  }

  @Test
  void protocolsRoundTripWithNoneOneAndSeveralAliases() {
    assertProtocolRoundTrip(new ProtocolRecord("ip", List.of(), 0));
    assertProtocolRoundTrip(UDP);
    assertProtocolRoundTrip(new ProtocolRecord("tcp", List.of("TCP", "Tcp", "stream"), 6));
    assertProtocolRoundTrip(new ProtocolRecord("top", List.of(), 255));
  }

  // ---- the reader on bad buffers ----

  @Test
  void theReaderReturnsNullForNullAndEmptyBuffers() {
    assertNull(AsyncBuffer.hostent(null));
    assertNull(AsyncBuffer.servent(null));
    assertNull(AsyncBuffer.protoent(null));
    assertNull(AsyncBuffer.hostent(new byte[0]));
    assertNull(AsyncBuffer.servent(new byte[0]));
    assertNull(AsyncBuffer.protoent(new byte[0]));
    assertNull(AsyncBuffer.hostent(new byte[16]));
    assertNull(AsyncBuffer.servent(new byte[16]));
    assertNull(AsyncBuffer.protoent(new byte[12]));
  }

  @Test
  void theReaderReturnsNullForEveryTruncation() {
    byte[] host = packed(TYPICAL_HOST);
    byte[] service = packed(ECHO);
    byte[] protocol = packed(UDP);
    for (int length = 0; length < host.length; length++) {
      assertNull(AsyncBuffer.hostent(Arrays.copyOf(host, length)), "length " + length);
    }
    for (int length = 0; length < service.length; length++) {
      assertNull(AsyncBuffer.servent(Arrays.copyOf(service, length)), "length " + length);
    }
    for (int length = 0; length < protocol.length; length++) {
      assertNull(AsyncBuffer.protoent(Arrays.copyOf(protocol, length)), "length " + length);
    }
  }

  @Test
  void theReaderReturnsNullForOffsetsOutsideTheBuffer() {
    int[][] hostCases = {{0, 41}, {0, -1}, {4, 41}, {4, 38}, {12, 40}, {16, 41}, {24, 38}};
    for (int[] c : hostCases) {
      byte[] buf = packed(SMALL_HOST);
      putU32(buf, c[0], c[1] & 0xFFFFFFFFL);
      assertNull(AsyncBuffer.hostent(buf), "offset " + c[0] + " = " + c[1]);
    }
    int[][] serviceCases = {{0, 38}, {4, 35}, {12, 38}, {12, 0x80000000}, {16, 100}};
    for (int[] c : serviceCases) {
      byte[] buf = packed(ECHO);
      putU32(buf, c[0], c[1] & 0xFFFFFFFFL);
      assertNull(AsyncBuffer.servent(buf), "offset " + c[0] + " = " + c[1]);
    }
    int[][] protocolCases = {{0, 28}, {4, 26}, {12, 28}};
    for (int[] c : protocolCases) {
      byte[] buf = packed(UDP);
      putU32(buf, c[0], c[1] & 0xFFFFFFFFL);
      assertNull(AsyncBuffer.protoent(buf), "offset " + c[0] + " = " + c[1]);
    }
  }

  @Test
  void theReaderReturnsNullForNullPointersWhereDataMustBe() {
    for (int at : new int[] {0, 4, 12}) {
      byte[] buf = packed(SMALL_HOST);
      putU32(buf, at, 0);
      assertNull(AsyncBuffer.hostent(buf), "offset " + at);
    }
    for (int at : new int[] {0, 4, 12}) {
      byte[] buf = packed(ECHO);
      putU32(buf, at, 0);
      assertNull(AsyncBuffer.servent(buf), "offset " + at);
    }
    for (int at : new int[] {0, 4}) {
      byte[] buf = packed(UDP);
      putU32(buf, at, 0);
      assertNull(AsyncBuffer.protoent(buf), "offset " + at);
    }
  }

  @Test
  void theReaderReturnsNullForAnHLengthOtherThanFour() {
    byte[] buf = packed(SMALL_HOST);
    buf[10] = 16;
    assertNull(AsyncBuffer.hostent(buf));
  }

  @Test
  void theReaderReadsBytesAbove127AsQuestionMarks() {
    byte[] buf = packed(UDP);
    buf[21] = (byte) 0xE9;
    assertEquals("u?p", AsyncBuffer.protoent(buf).p_name);
  }

  @Test
  void theReaderNeverThrowsOnCorruptedOrRandomBuffers() {
    Random random = new Random(1);
    byte[][] valid = {packed(TYPICAL_HOST), packed(ECHO), packed(UDP)};
    for (byte[] original : valid) {
      for (int at = 0; at < original.length; at++) {
        for (int value : new int[] {0, 1, 0x7F, 0x80, 0xFF, random.nextInt(256)}) {
          byte[] buf = original.clone();
          buf[at] = (byte) value;
          assertDoesNotThrow(() -> readAll(buf));
        }
      }
    }
    for (int i = 0; i < 20_000; i++) {
      byte[] buf = new byte[random.nextInt(48)];
      for (int j = 0; j < buf.length; j++) {
        buf[j] = (byte) (random.nextBoolean() ? random.nextInt(buf.length + 2) : random.nextInt(256));
      }
      assertDoesNotThrow(() -> readAll(buf));
    }
  }

  private static void readAll(byte[] buf) {
    AsyncBuffer.hostent(buf);
    AsyncBuffer.servent(buf);
    AsyncBuffer.protoent(buf);
  }
}
