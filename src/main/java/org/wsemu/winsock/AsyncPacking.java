package org.wsemu.winsock;

import java.util.List;

/**
 * Packs a database record into the caller's buffer as {@code WSAAsyncGetHostByName} and its
 * friends do: the structure at offset 0 and all the data it points to after it, pointers being
 * 32-bit little-endian byte offsets from the start of the buffer. {@link AsyncBuffer} documents
 * the layout and reads it back.
 *
 * <p>Each method returns the size the packed result needs and writes {@code buf[0..size)} (every
 * byte of it, pad bytes as 0) only when that size is at most {@code buflen}; otherwise it writes
 * nothing. Callers guarantee {@code buf != null} and {@code 0 <= buflen <= buf.length}. Strings are
 * written one byte per Java {@code char}: a character outside 1..127 (non-ASCII, or NUL, which
 * would cut the C string short) is written as {@code '?'}. A size that would exceed {@link
 * Integer#MAX_VALUE} is reported as {@link Integer#MAX_VALUE}, which no buffer can hold.
 *
 * <p>Stateless and thread-safe; the caller must keep other threads away from the buffer while it
 * is written.
 */
final class AsyncPacking {
  /** Bytes in a pointer (a 32-bit offset). */
  static final int POINTER_SIZE = 4;
  /** Bytes in a packed {@code hostent}. */
  static final int HOSTENT_SIZE = 16;
  /** Bytes in a packed {@code servent}. */
  static final int SERVENT_SIZE = 16;
  /** Bytes in a packed {@code protoent}. */
  static final int PROTOENT_SIZE = 12;

  private AsyncPacking() {}

  /** The bytes {@code record} needs as a packed {@code hostent}. */
  static int hostentSize(HostRecord record) {
    int addresses = record.addresses().size();
    long size =
        HOSTENT_SIZE
            + arrayBytes(record.aliases().size())
            + arrayBytes(addresses)
            + (long) HostRecord.ADDRESS_LENGTH * addresses
            + stringBytes(record.name())
            + stringBytes(record.aliases());
    return saturated(size);
  }

  /** The bytes {@code record} needs as a packed {@code servent}. */
  static int serventSize(ServiceRecord record) {
    long size =
        SERVENT_SIZE
            + arrayBytes(record.aliases().size())
            + stringBytes(record.name())
            + stringBytes(record.aliases())
            + stringBytes(record.protocol());
    return saturated(size);
  }

  /** The bytes {@code record} needs as a packed {@code protoent}. */
  static int protoentSize(ProtocolRecord record) {
    long size =
        PROTOENT_SIZE
            + arrayBytes(record.aliases().size())
            + stringBytes(record.name())
            + stringBytes(record.aliases());
    return saturated(size);
  }

  /** Packs {@code record} as a {@code hostent} if it fits in {@code buflen}; returns its size. */
  static int hostent(HostRecord record, byte[] buf, int buflen) {
    int size = hostentSize(record);
    if (size > buflen) {
      return size;
    }
    List<String> aliases = record.aliases();
    List<byte[]> addresses = record.addresses();
    int aliasArray = HOSTENT_SIZE;
    int addressArray = aliasArray + (int) arrayBytes(aliases.size());
    int addressData = addressArray + (int) arrayBytes(addresses.size());
    int nameAt = addressData + HostRecord.ADDRESS_LENGTH * addresses.size();
    for (int i = 0; i < addresses.size(); i++) {
      int at = addressData + HostRecord.ADDRESS_LENGTH * i;
      System.arraycopy(addresses.get(i), 0, buf, at, HostRecord.ADDRESS_LENGTH);
      putU32(buf, addressArray + POINTER_SIZE * i, at);
    }
    putU32(buf, addressArray + POINTER_SIZE * addresses.size(), 0);
    putStrings(buf, aliasArray, putString(buf, nameAt, record.name()), aliases);
    putU32(buf, 0, nameAt);
    putU32(buf, 4, aliasArray);
    putU16(buf, 8, WinSock.AF_INET);
    putU16(buf, 10, HostRecord.ADDRESS_LENGTH);
    putU32(buf, 12, addressArray);
    return size;
  }

  /**
   * Packs {@code record} as a {@code servent} if it fits in {@code buflen}; returns its size.
   * {@code s_port} is {@code htons(port)} stored little-endian, so the port's bytes appear in
   * network order, as in a C program's {@code struct servent}.
   */
  static int servent(ServiceRecord record, byte[] buf, int buflen) {
    int size = serventSize(record);
    if (size > buflen) {
      return size;
    }
    int aliasArray = SERVENT_SIZE;
    int nameAt = aliasArray + (int) arrayBytes(record.aliases().size());
    int protoAt = putStrings(buf, aliasArray, putString(buf, nameAt, record.name()), record.aliases());
    putString(buf, protoAt, record.protocol());
    putU32(buf, 0, nameAt);
    putU32(buf, 4, aliasArray);
    putU16(buf, 8, WinSock.htons(record.port()));
    putU16(buf, 10, 0);
    putU32(buf, 12, protoAt);
    return size;
  }

  /** Packs {@code record} as a {@code protoent} if it fits in {@code buflen}; returns its size. */
  static int protoent(ProtocolRecord record, byte[] buf, int buflen) {
    int size = protoentSize(record);
    if (size > buflen) {
      return size;
    }
    int aliasArray = PROTOENT_SIZE;
    int nameAt = aliasArray + (int) arrayBytes(record.aliases().size());
    putStrings(buf, aliasArray, putString(buf, nameAt, record.name()), record.aliases());
    putU32(buf, 0, nameAt);
    putU32(buf, 4, aliasArray);
    putU16(buf, 8, record.number());
    putU16(buf, 10, 0);
    return size;
  }

  /** Bytes of a pointer array of {@code count} pointers and its NULL terminator. */
  private static long arrayBytes(int count) {
    return (long) POINTER_SIZE * count + POINTER_SIZE;
  }

  private static long stringBytes(String text) {
    return text.length() + 1L;
  }

  private static long stringBytes(List<String> texts) {
    long total = 0;
    for (String text : texts) {
      total += stringBytes(text);
    }
    return total;
  }

  private static int saturated(long size) {
    return (int) Math.min(size, Integer.MAX_VALUE);
  }

  /**
   * Writes {@code texts} from {@code stringsAt} on and their pointers, then NULL, at {@code
   * arrayAt}; returns the end of the last string.
   */
  private static int putStrings(byte[] buf, int arrayAt, int stringsAt, List<String> texts) {
    int next = stringsAt;
    for (int i = 0; i < texts.size(); i++) {
      putU32(buf, arrayAt + POINTER_SIZE * i, next);
      next = putString(buf, next, texts.get(i));
    }
    putU32(buf, arrayAt + POINTER_SIZE * texts.size(), 0);
    return next;
  }

  /** Writes {@code text} NUL-terminated at {@code at}; returns the offset after the NUL. */
  private static int putString(byte[] buf, int at, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      buf[at + i] = (byte) (c >= 1 && c <= 127 ? c : '?');
    }
    buf[at + text.length()] = 0;
    return at + text.length() + 1;
  }

  private static void putU16(byte[] buf, int at, int value) {
    buf[at] = (byte) value;
    buf[at + 1] = (byte) (value >>> 8);
  }

  private static void putU32(byte[] buf, int at, int value) {
    putU16(buf, at, value);
    putU16(buf, at + 2, value >>> 16);
  }
}
