package org.wsemu.winsock;

/**
 * Reads the buffer that {@code WSAAsyncGetHostByName}, {@code WSAAsyncGetServByName} and the
 * other asynchronous database functions fill: "the structure and all the data it points to"
 * ({@link WinSock#MAXGETHOSTSTRUCT} bytes are enough for a typical entry).
 *
 * <h2>Layout</h2>
 *
 * <p>A Java {@code byte[]} has no addresses, so wsemu writes the C layout of Win32 (x86) with
 * every pointer replaced by an offset:
 *
 * <ul>
 *   <li>Little-endian throughout. Every pointer is an unsigned 32-bit byte offset from the start
 *       of the buffer; 0 is NULL. The structure sits at offset 0, so no data pointer is ever 0. A C
 *       port that walks the buffer adds the buffer's base address to each non-NULL offset ({@code
 *       (char *) buf + offset}).
 *   <li>The structure, at offset 0, with Win32's natural alignment (u16 is an unsigned 16-bit
 *       number, ptr a 32-bit offset):
 *       <table>
 *         <caption>The structures</caption>
 *         <tr><th>Offset</th><th>hostent (16 bytes)</th><th>servent (16 bytes)</th>
 *             <th>protoent (12 bytes)</th></tr>
 *         <tr><td>0</td><td>h_name (ptr)</td><td>s_name (ptr)</td><td>p_name (ptr)</td></tr>
 *         <tr><td>4</td><td>h_aliases (ptr to pointer array)</td>
 *             <td>s_aliases (ptr to pointer array)</td><td>p_aliases (ptr to pointer array)</td></tr>
 *         <tr><td>8</td><td>h_addrtype (u16, AF_INET = 2)</td><td>s_port (u16, network order)</td>
 *             <td>p_proto (u16)</td></tr>
 *         <tr><td>10</td><td>h_length (u16, 4)</td><td>2 pad bytes (0)</td>
 *             <td>2 pad bytes (0)</td></tr>
 *         <tr><td>12</td><td>h_addr_list (ptr to pointer array)</td><td>s_proto (ptr)</td>
 *             <td>-</td></tr>
 *       </table>
 *       {@code s_port} holds what C's {@code struct servent} holds, {@code htons(port)}: port 7 is
 *       stored as the bytes {@code 00 07}, and reads back as {@code s_port == 0x0700}.
 *   <li>Directly after the structure, with no padding, in this order:
 *       <ol>
 *         <li>the alias pointer array: one pointer per alias, then a NULL pointer;
 *         <li>hostent only: the address pointer array, one pointer per address, then NULL;
 *         <li>hostent only: the addresses, 4 bytes each in network order ({@code 127.0.0.1} is
 *             {@code 7F 00 00 01});
 *         <li>the strings, ASCII and NUL-terminated: the name, the aliases in order, and for a
 *             servent the protocol name ({@code s_proto}).
 *       </ol>
 *   <li>The size of the result is the end of the last string. If it exceeds the buffer length the
 *       caller gave, nothing at all is written and the needed size is reported (in the
 *       completion message's {@code WSAGETASYNCBUFLEN}).
 * </ul>
 *
 * <p>For example the host {@code "ab"} with alias {@code "c"} and address 127.0.0.1 packs into 41
 * bytes: the hostent {@code [36, 16, 2, 4, 24]}, at 16 the aliases {@code [39, NULL]}, at 24 the
 * addresses {@code [32, NULL]}, at 32 {@code 7F 00 00 01}, at 36 {@code "ab\0"}, at 39 {@code
 * "c\0"}.
 *
 * <p>The layout is the same in Win16 and Win32 mode. That is a choice: a real Win16 Winsock packs
 * 16-bit structures with far pointers, but wsemu has one layout, Win32's, so a program reads its
 * buffer the same way in both modes.
 *
 * <h2>Reading</h2>
 *
 * <p>Each method turns a packed buffer back into the Java structure ({@code h_addrtype} and
 * {@code h_length} as {@code short}, addresses as 4-byte arrays, aliases as {@code String[]},
 * bytes 0x80..0xFF of a string as {@code '?'}). It returns null, never throwing, when the buffer
 * is null or shorter than the structure, when a pointer it follows is NULL (other than a pointer
 * array's terminator) or points outside the buffer, when a pointer array or a string is not
 * terminated inside the buffer, when an address does not fit in the buffer, or when a hostent's
 * {@code h_length} is not 4. Pointers may point anywhere inside the buffer and need not be
 * aligned; bytes after the data are ignored.
 *
 * <p>Stateless and thread-safe. The buffer is read as it is; if another thread changes it
 * meanwhile the result may be a mixture, but still no exception is thrown.
 */
public final class AsyncBuffer {
  private AsyncBuffer() {}

  /** The {@code hostent} packed in {@code buf}, or null if {@code buf} is not a valid one. */
  public static hostent hostent(byte[] buf) {
    if (buf == null || buf.length < AsyncPacking.HOSTENT_SIZE || u16(buf, 10) != 4) {
      return null;
    }
    String name = string(buf, u32(buf, 0));
    String[] aliases = strings(buf, u32(buf, 4));
    byte[][] addresses = addresses(buf, u32(buf, 12));
    if (name == null || aliases == null || addresses == null) {
      return null;
    }
    hostent out = new hostent();
    out.h_name = name;
    out.h_aliases = aliases;
    out.h_addrtype = (short) u16(buf, 8);
    out.h_length = (short) HostRecord.ADDRESS_LENGTH;
    out.h_addr_list = addresses;
    return out;
  }

  /** The {@code servent} packed in {@code buf}, or null if {@code buf} is not a valid one. */
  public static servent servent(byte[] buf) {
    if (buf == null || buf.length < AsyncPacking.SERVENT_SIZE) {
      return null;
    }
    String name = string(buf, u32(buf, 0));
    String[] aliases = strings(buf, u32(buf, 4));
    String protocol = string(buf, u32(buf, 12));
    if (name == null || aliases == null || protocol == null) {
      return null;
    }
    servent out = new servent();
    out.s_name = name;
    out.s_aliases = aliases;
    out.s_port = u16(buf, 8);
    out.s_proto = protocol;
    return out;
  }

  /** The {@code protoent} packed in {@code buf}, or null if {@code buf} is not a valid one. */
  public static protoent protoent(byte[] buf) {
    if (buf == null || buf.length < AsyncPacking.PROTOENT_SIZE) {
      return null;
    }
    String name = string(buf, u32(buf, 0));
    String[] aliases = strings(buf, u32(buf, 4));
    if (name == null || aliases == null) {
      return null;
    }
    protoent out = new protoent();
    out.p_name = name;
    out.p_aliases = aliases;
    out.p_proto = u16(buf, 8);
    return out;
  }

  /** The strings a NULL-terminated pointer array at {@code array} points to, or null. */
  private static String[] strings(byte[] buf, long array) {
    long[] pointers = pointers(buf, array);
    if (pointers == null) {
      return null;
    }
    String[] out = new String[pointers.length];
    for (int i = 0; i < pointers.length; i++) {
      out[i] = string(buf, pointers[i]);
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  /** The 4-byte addresses a NULL-terminated pointer array at {@code array} points to, or null. */
  private static byte[][] addresses(byte[] buf, long array) {
    long[] pointers = pointers(buf, array);
    if (pointers == null) {
      return null;
    }
    byte[][] out = new byte[pointers.length][];
    for (int i = 0; i < pointers.length; i++) {
      long at = pointers[i];
      if (at <= 0 || at + HostRecord.ADDRESS_LENGTH > buf.length) {
        return null;
      }
      out[i] = new byte[HostRecord.ADDRESS_LENGTH];
      System.arraycopy(buf, (int) at, out[i], 0, HostRecord.ADDRESS_LENGTH);
    }
    return out;
  }

  /** The non-NULL pointers of the NULL-terminated array at {@code array}, or null. */
  private static long[] pointers(byte[] buf, long array) {
    if (array <= 0) {
      return null;
    }
    int count = 0;
    while (true) {
      long at = array + (long) AsyncPacking.POINTER_SIZE * count;
      if (at + AsyncPacking.POINTER_SIZE > buf.length) {
        return null;
      }
      if (u32(buf, (int) at) == 0) {
        break;
      }
      count++;
    }
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = u32(buf, (int) array + AsyncPacking.POINTER_SIZE * i);
    }
    return out;
  }

  /** The NUL-terminated string at {@code at}, or null if it is NULL, outside or unterminated. */
  private static String string(byte[] buf, long at) {
    if (at <= 0 || at >= buf.length) {
      return null;
    }
    int start = (int) at;
    int end = start;
    while (end < buf.length && buf[end] != 0) {
      end++;
    }
    if (end == buf.length) {
      return null;
    }
    char[] chars = new char[end - start];
    for (int i = 0; i < chars.length; i++) {
      byte b = buf[start + i];
      chars[i] = b > 0 ? (char) b : '?';
    }
    return new String(chars);
  }

  private static int u16(byte[] buf, int at) {
    return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] buf, int at) {
    return (u16(buf, at) | (long) u16(buf, at + 2) << 16);
  }
}
