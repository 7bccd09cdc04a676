package dev.interlock.engine.model;

import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.random.Streams;
import dev.interlock.engine.scenario.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's inputs written as numbers or distributions (MODEL.md section 7, "one uniform per
 * uncertain input"). Every such key gets a slot in the trial's parameter array. The uncertain ones
 * (not {@link Fixed}) are listed in a fixed order, each named by its key path; a trial's vector of
 * uniforms u ∈ (0,1)^k sets them by inverse CDF, truncated to the key's allowed range. Plain Monte
 * Carlo fills the vector with {@link #fillUniforms}; other drivers (tornado, Sobol, Latin hypercube,
 * copulas) hand in their own.
 */
public final class Inputs {
    private final List<String> names = new ArrayList<>();
    private final List<Dist> dists = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();
    private final double[] fixedValues;
    private final int[] uncertainSlot;
    private final String[] uncertainName;
    private final Dist[] uncertainDist;
    private final double[] lo;
    private final double[] hi;
    private final long[] nameHash;

    /** Collects slots while a model is compiled. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Dist> dists = new ArrayList<>();
        private final List<Range> ranges = new ArrayList<>();

        /** Registers an input and returns its slot in the parameter array. */
        public int add(String keyPath, Dist dist, Range range) {
            names.add(keyPath);
            dists.add(dist);
            ranges.add(range);
            return names.size() - 1;
        }

        public Inputs build() {
            return new Inputs(this);
        }
    }

    private Inputs(Builder b) {
        names.addAll(b.names);
        dists.addAll(b.dists);
        ranges.addAll(b.ranges);
        int n = names.size();
        fixedValues = new double[n];
        List<Integer> unc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Dist d = dists.get(i);
            if (d instanceof Fixed f) {
                fixedValues[i] = f.value();
            } else {
                unc.add(i);
                fixedValues[i] = d.quantileWithin(0.5, ranges.get(i).lo(), ranges.get(i).hi());
            }
        }
        int k = unc.size();
        uncertainSlot = new int[k];
        uncertainName = new String[k];
        uncertainDist = new Dist[k];
        lo = new double[k];
        hi = new double[k];
        nameHash = new long[k];
        for (int j = 0; j < k; j++) {
            int slot = unc.get(j);
            uncertainSlot[j] = slot;
            uncertainName[j] = names.get(slot);
            uncertainDist[j] = dists.get(slot);
            Range r = ranges.get(slot);
            lo[j] = r.loInclusive() ? r.lo() : Math.nextUp(r.lo());     // an open bound is never reached
            hi[j] = r.hiInclusive() ? r.hi() : Math.nextDown(r.hi());
            nameHash[j] = Streams.hashName(uncertainName[j]);
        }
    }

    /** Number of parameter slots (fixed and uncertain). */
    public int slots() {
        return names.size();
    }

    /** Number of uncertain inputs: the length of a trial's uniform vector. */
    public int uncertainCount() {
        return uncertainSlot.length;
    }

    /** Key path of uncertain input j, e.g. {@code funnel.win_rate}. */
    public String uncertainName(int j) {
        return uncertainName[j];
    }

    public Dist uncertainDist(int j) {
        return uncertainDist[j];
    }

    /** The value uncertain input j takes at uniform u: its truncated inverse CDF. */
    public double valueAt(int j, double u) {
        return uncertainDist[j].quantileWithin(open(u), lo[j], hi[j]);
    }

    /** Index of the uncertain input with this key path, or −1. */
    public int indexOf(String keyPath) {
        for (int j = 0; j < uncertainName.length; j++) {
            if (uncertainName[j].equals(keyPath)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Plain Monte Carlo: u[j] is a pure function of (seed, trial, key path of input j), so the same
     * input gets the same uniform in every variant of a comparison, whatever other inputs exist.
     */
    public void fillUniforms(long seed, long trial, double[] u) {
        for (int j = 0; j < nameHash.length; j++) {
            u[j] = Streams.uniform(seed, trial, nameHash[j]);
        }
    }

    /** Sets every parameter slot: fixed values, then uncertain ones by truncated inverse CDF of u. */
    public void apply(double[] u, double[] param) {
        System.arraycopy(fixedValues, 0, param, 0, fixedValues.length);
        for (int j = 0; j < uncertainSlot.length; j++) {
            param[uncertainSlot[j]] = uncertainDist[j].quantileWithin(open(u[j]), lo[j], hi[j]);
        }
    }

    /**
     * u moved into [2^-53, 1 − 2^-53]: plain sampling never gives 0 or 1, but a low-discrepancy sequence starts
     * at 0 and a copula can reach either end, where an unbounded distribution's quantile is 0 or infinite.
     */
    static double open(double u) {
        return Math.min(Math.max(u, 0x1.0p-53), 1 - 0x1.0p-53);
    }

    /**
     * The standard deviation of a slot's distribution (0 for a fixed value), before truncation to its range;
     * +∞ when the distribution has none.
     */
    public double spread(int slot) {
        double sd = dists.get(slot).sd();
        return Double.isFinite(sd) ? sd : Double.POSITIVE_INFINITY;
    }

    /** The central value of a slot: a fixed value, or the mean of its distribution (used for plans). */
    public double central(int slot) {
        Dist d = dists.get(slot);
        double m = d.mean();
        Range r = ranges.get(slot);
        return Math.min(Math.max(m, r.lo()), r.hi());
    }
}
