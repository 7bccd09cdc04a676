package dev.interlock.engine.analyses;

/**
 * Sums of one method's scores on one metric over the forecast months of one origin; {@link #add(ScoreTally)}
 * then averages the per-origin means over origins (rolling-origin evaluation weighs each origin equally).
 * Values that are undefined for a month (an APE where the actual is 0, coverage of a point forecast) are
 * skipped for that score only.
 */
final class ScoreTally {
    /** Score names, in output order. */
    static final String[] NAMES = {"mae", "mape", "smape", "mase", "crps", "pinball_p10", "pinball_p50",
        "pinball_p90", "coverage_50", "coverage_80", "coverage_90"};
    static final int MAE = 0;
    static final int MAPE = 1;
    static final int SMAPE = 2;
    static final int MASE = 3;
    static final int CRPS = 4;
    static final int PIN10 = 5;
    static final int PIN50 = 6;
    static final int PIN90 = 7;
    static final int COV50 = 8;
    static final int COV80 = 9;
    static final int COV90 = 10;

    private final double[] sum = new double[NAMES.length];
    private final int[] n = new int[NAMES.length];
    int cells;
    int origins;

    void put(int score, double value) {
        if (!Double.isNaN(value)) {
            sum[score] += value;
            n[score]++;
        }
    }

    /** Adds one forecast month's scores (point forecast, loss values, coverage as 0/1 or NaN). */
    void cell(double point, double y, double crps, double pin10, double pin50, double pin90, double cov50,
              double cov80, double cov90) {
        cells++;
        put(MAE, Math.abs(y - point));
        put(MAPE, Scores.ape(point, y));
        put(SMAPE, Scores.sape(point, y));
        put(CRPS, crps);
        put(PIN10, pin10);
        put(PIN50, pin50);
        put(PIN90, pin90);
        put(COV50, cov50);
        put(COV80, cov80);
        put(COV90, cov90);
    }

    double mean(int score) {
        return n[score] == 0 ? Double.NaN : sum[score] / n[score];
    }

    /** Closes one origin: sets MASE from its MAE and the naive in-sample scale. */
    void finishOrigin(double scale) {
        double mae = mean(MAE);
        put(MASE, scale > 0 ? mae / scale : Double.NaN);
    }

    /** Adds an origin's means to this across-origin tally. */
    void add(ScoreTally origin) {
        if (origin.cells == 0) {
            return;
        }
        origins++;
        cells += origin.cells;
        for (int s = 0; s < NAMES.length; s++) {
            put(s, origin.mean(s));
        }
    }
}
