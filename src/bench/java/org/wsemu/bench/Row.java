package org.wsemu.bench;

/**
 * One line of the results table: a figure measured for wsemu and, in the same run, for its
 * baseline.
 *
 * @param id the figure's number and variant ("1a")
 * @param figure what is measured
 * @param unit the unit of both values
 * @param value wsemu's figure
 * @param baselineName what it is compared with, or "-"
 * @param baseline the baseline's figure, or NaN
 * @param higherIsBetter whether more is better (throughput) or less (latency)
 * @param target the target as text ("ratio >= 0.90", "< 1 %")
 * @param met whether the target is met
 */
record Row(String id, String figure, String unit, double value, String baselineName, double baseline,
    boolean higherIsBetter, String target, boolean met) {

  /** wsemu relative to the baseline: value / baseline for rates, the same for times. */
  double ratio() {
    return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
  }

  /** A row whose target is a bound on the ratio to the baseline. */
  static Row ratio(String id, String figure, String unit, double value, String baselineName, double baseline,
      boolean higherIsBetter, double bound) {
    double ratio = baseline == 0 ? Double.NaN : value / baseline;
    boolean met = higherIsBetter ? ratio >= bound : ratio <= bound;
    String target = higherIsBetter ? "ratio >= " + bound : "ratio <= " + bound;
    return new Row(id, figure, unit, value, baselineName, baseline, higherIsBetter, target, met);
  }

  /** A row with a baseline shown for comparison and an absolute target (or none: "-"). */
  static Row absolute(String id, String figure, String unit, double value, String baselineName, double baseline,
      String target, boolean met) {
    return new Row(id, figure, unit, value, baselineName, baseline, false, target, met);
  }
}
