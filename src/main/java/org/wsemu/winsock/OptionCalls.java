package org.wsemu.winsock;

import static org.wsemu.winsock.WinSock.WSAEFAULT;

import org.wsemu.winsock.WinsockInstance.WsCall;

/**
 * getsockopt and setsockopt. An option's value is what C would find in memory at {@code optval}:
 * an int option is {@code sizeof(int)} little-endian bytes (2 in Win16 mode, 4 in Win32 mode),
 * SO_LINGER a 4-byte {@code struct linger} of two {@code u_short}s. The byte[] forms use that
 * layout directly; the {@link IntRef} and {@link linger} forms read and write it as C's
 * {@code (char*)&value} casts would.
 *
 * <p>A Win16 int is a signed 16-bit value, and no value is ever cut to its low 16 bits: a value
 * getsockopt cannot fit (the real network's 65,536-byte buffers) reads as 32767, and a value
 * outside -32768..32767 in the {@link IntRef} form of setsockopt is taken as the nearer end.
 *
 * <p>Runs on the calling task's thread.
 */
final class OptionCalls {
  private final WinsockInstance core;
  private final int intSize;

  OptionCalls(WinsockInstance core) {
    this.core = core;
    this.intSize = core.win16 ? 2 : 4;
  }

  /** Where a value is read from or written to: one of the three C-style forms. */
  private interface Value {
    /** Whether at least {@code size} bytes are there. */
    boolean fits(int size);

    /** Stores {@code size} little-endian bytes of {@code bits}. */
    void write(int bits, int size);

    /** Loads {@code size} little-endian bytes. */
    int read(int size);
  }

  private static Value bytes(byte[] optval, int length) {
    return new Value() {
      @Override
      public boolean fits(int size) {
        return optval != null && length >= size && optval.length >= size;
      }

      @Override
      public void write(int bits, int size) {
        for (int i = 0; i < size; i++) {
          optval[i] = (byte) (bits >>> (8 * i));
        }
      }

      @Override
      public int read(int size) {
        int bits = 0;
        for (int i = 0; i < size; i++) {
          bits |= (optval[i] & 0xFF) << (8 * i);
        }
        return size == 2 ? (short) bits : bits; // a Win16 int is signed
      }
    };
  }

  private static Value integer(IntRef optval, int length) {
    return new Value() {
      @Override
      public boolean fits(int size) {
        return optval != null && length >= size;
      }

      @Override
      public void write(int bits, int size) {
        optval.value = size == 4 ? bits : (short) bits; // what a 16-bit int holds in Win16 mode
      }

      @Override
      public int read(int size) {
        return size == 4 ? optval.value : Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, optval.value));
      }
    };
  }

  private static Value lingerValue(linger optval, int length) {
    return new Value() {
      @Override
      public boolean fits(int size) {
        return optval != null && length >= size;
      }

      @Override
      public void write(int bits, int size) {
        optval.l_onoff = bits & 0xFFFF;
        optval.l_linger = size == 4 ? (bits >>> 16) & 0xFFFF : optval.l_linger;
      }

      @Override
      public int read(int size) {
        return (optval.l_onoff & 0xFFFF) | (size == 4 ? (optval.l_linger & 0xFFFF) << 16 : 0);
      }
    };
  }

  int get(int s, int level, int optname, byte[] optval, IntRef optlen) {
    return get(s, level, optname, optlen, bytes(optval, optlen == null ? 0 : optlen.value));
  }

  int get(int s, int level, int optname, IntRef optval, IntRef optlen) {
    return get(s, level, optname, optlen, integer(optval, optlen == null ? 0 : optlen.value));
  }

  int get(int s, int level, int optname, linger optval, IntRef optlen) {
    return get(s, level, optname, optlen, lingerValue(optval, optlen == null ? 0 : optlen.value));
  }

  int set(int s, int level, int optname, byte[] optval, int optlen) {
    return set(s, level, optname, bytes(optval, optlen));
  }

  int set(int s, int level, int optname, IntRef optval, int optlen) {
    return set(s, level, optname, integer(optval, optlen));
  }

  int set(int s, int level, int optname, linger optval, int optlen) {
    return set(s, level, optname, lingerValue(optval, optlen));
  }

  private int get(int s, int level, int optname, IntRef optlen, Value value) {
    WsCall call = core.begin("getsockopt");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.socket(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = SocketOptions.check(socket, level, optname, false);
    }
    if (r == 0) {
      boolean isLinger = SocketOptions.isLinger(level, optname);
      int size = isLinger ? linger.SIZE : intSize;
      if (optlen == null || !value.fits(size)) {
        r = -WSAEFAULT;
      } else if (isLinger) {
        linger current = new linger();
        SocketOptions.getLinger((StreamSocket) socket, current);
        value.write(current.l_onoff | current.l_linger << 16, size);
        optlen.value = size;
      } else {
        int v = SocketOptions.get(socket, level, optname);
        if (v < 0) {
          r = v;
        } else {
          value.write(size == 2 ? Math.min(v, Short.MAX_VALUE) : v, size);
          optlen.value = size;
        }
      }
    }
    return core.finish(call, r, "s", s, "level", WinsockNames.optionLevel(level), "optname",
        WinsockNames.optionName(level, optname));
  }

  private int set(int s, int level, int optname, Value value) {
    WsCall call = core.begin("setsockopt");
    int r = core.gate(call);
    EmulatedSocket socket = r == 0 ? core.changing(call, s) : null;
    if (r == 0) {
      r = WinsockInstance.usable(socket);
    }
    if (r == 0) {
      r = SocketOptions.check(socket, level, optname, true);
    }
    String shown = null; // the value as the trace shows it, once read
    if (r == 0) {
      boolean isLinger = SocketOptions.isLinger(level, optname);
      int size = isLinger ? linger.SIZE : intSize;
      if (!value.fits(size)) {
        r = -WSAEFAULT;
      } else if (isLinger) {
        int bits = value.read(size);
        shown = "{l_onoff=" + (bits & 0xFFFF) + ",l_linger=" + (bits >>> 16) + "}";
        SocketOptions.setLinger((StreamSocket) socket, bits & 0xFFFF, bits >>> 16);
      } else {
        int v = value.read(size);
        shown = Integer.toString(v);
        r = SocketOptions.set(socket, level, optname, v);
      }
    }
    if (shown == null) {
      return core.finish(call, r, "s", s, "level", WinsockNames.optionLevel(level), "optname",
          WinsockNames.optionName(level, optname));
    }
    return core.finish(call, r, "s", s, "level", WinsockNames.optionLevel(level), "optname",
        WinsockNames.optionName(level, optname), "optval", shown);
  }
}
