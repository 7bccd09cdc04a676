package dev.interlock.engine.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

/**
 * Streaming quantiles of {@code cells} quantities, in memory that does not grow with the number of
 * trials: one DDSketch per cell (Masson, Rim &amp; Lee 2019, "DDSketch: a fast and fully-mergeable
 * quantile sketch with relative-error guarantees", VLDB; library {@code com.datadoghq:sketches-java}).
 *
 * <p><b>Error bound</b>: every reported quantile q̂ of a cell lies within a relative distance
 * {@value #RELATIVE_ACCURACY} of a true sample quantile: |q̂ − q| ≤ 0.005·|q|. Reported values are also
 * clamped to the exact [min, max] of the cell, so a constant is reported exactly.
 *
 * <p><b>Determinism</b>: a sketch holds integer counts per logarithmic bucket, so merging is exact and
 * independent of order: each worker keeps its own set and they are merged in any order at the end.
 */
public final class Quantiles {
    public static final double RELATIVE_ACCURACY = 0.005;
    final DDSketch[] sketches;
    private final double maxTrackable;

    public Quantiles(int cells) {
        sketches = new DDSketch[cells];
        for (int i = 0; i < cells; i++) {
            sketches[i] = DDSketches.unboundedDense(RELATIVE_ACCURACY);
        }
        maxTrackable = cells == 0 ? Double.MAX_VALUE : sketches[0].getIndexMapping().maxIndexableValue();
    }

    /** Adds one trial's values; NaN is skipped. */
    public void add(double[] values) {
        for (int i = 0; i < sketches.length; i++) {
            double x = values[i];
            if (x == x) {
                // beyond ±maxTrackable (about 1e300) a sketch cannot index; such a value is clamped
                sketches[i].accept(Math.max(-maxTrackable, Math.min(maxTrackable, x)));
            }
        }
    }

    public void merge(Quantiles other) {
        for (int i = 0; i < sketches.length; i++) {
            sketches[i].mergeWith(other.sketches[i]);
        }
    }

    /** The q-quantile (q in [0,1]) of a cell, or NaN if the cell holds no value. */
    public double quantile(int cell, double q) {
        DDSketch s = sketches[cell];
        if (s.isEmpty()) {
            return Double.NaN;
        }
        return s.getValueAtQuantile(q);
    }
}
