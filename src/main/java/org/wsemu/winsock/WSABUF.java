package org.wsemu.winsock;

/**
 * {@code WSABUF}: one buffer of a scatter/gather list handed to {@code WSASend}, {@code WSARecv},
 * {@code WSASendTo} and {@code WSARecvFrom}; {@code len} bytes of {@code buf}, from its start.
 *
 * <pre>{@code
 * byte[] data = new byte[512];
 * WSABUF[] bufs = {new WSABUF(data.length, data)};   // WSABUF buf = {sizeof(data), data};
 * }</pre>
 *
 * <p>A mutable structure like its C original; not thread-safe. While an overlapped operation that
 * was given it is pending, the program must not touch it or its bytes.
 */
public final class WSABUF {
  /** {@code u_long len}: the length of the buffer, in bytes. */
  public int len;
  /** {@code char FAR *buf}: the bytes. */
  public byte[] buf;

  /** An empty buffer ({@code len} 0, {@code buf} null). */
  public WSABUF() {}

  /** {@code {len, buf}}, in the order of the C structure. */
  public WSABUF(int len, byte[] buf) {
    this.len = len;
    this.buf = buf;
  }

  @Override
  public String toString() {
    return "WSABUF(len=" + len + ")";
  }
}
