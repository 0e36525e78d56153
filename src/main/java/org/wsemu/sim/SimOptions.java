package org.wsemu.sim;

import java.util.EnumMap;
import java.util.Map;
import org.wsemu.net.TransportOption;

/**
 * The transport options of one simulated endpoint: {@link TransportOption#SEND_BUFFER} and
 * {@link TransportOption#RECEIVE_BUFFER} start at {@link SimNetworkState#DEFAULT_BUFFER}, the others at 0.
 *
 * <p>Not thread-safe: its owner's lock guards it.
 */
final class SimOptions {
  private final boolean tcp;
  private final Map<TransportOption, Integer> values = new EnumMap<>(TransportOption.class);

  /** Options for a TCP endpoint, or a UDP one. */
  SimOptions(boolean tcp) {
    this.tcp = tcp;
  }

  /**
   * The value of an option.
   *
   * @throws IllegalArgumentException for an option of the other protocol
   */
  int get(TransportOption option) {
    check(option);
    Integer value = values.get(option);
    if (value != null) {
      return value;
    }
    return option == TransportOption.RECEIVE_BUFFER || option == TransportOption.SEND_BUFFER ? SimNetworkState.DEFAULT_BUFFER : 0;
  }

  /**
   * Sets an option.
   *
   * @throws IllegalArgumentException for an option of the other protocol
   */
  void set(TransportOption option, int value) {
    check(option);
    values.put(option, value);
  }

  private void check(TransportOption option) {
    if (tcp ? !option.forTcp() : !option.forUdp()) {
      throw new IllegalArgumentException("not a " + (tcp ? "TCP" : "UDP") + " option: " + option);
    }
  }

  /** Takes every value of {@code other} (an accepted endpoint inherits its listener's). */
  void copyFrom(SimOptions other) {
    values.putAll(other.values);
  }
}
