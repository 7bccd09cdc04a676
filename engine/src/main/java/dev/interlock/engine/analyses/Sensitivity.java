package dev.interlock.engine.analyses;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Inputs;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-at-a-time ("tornado") sensitivity: for each uncertain input, the mean of a per-trial figure with
 * that input held at its low quantile (default P10) and at its high quantile (P90), every other input
 * and all process noise drawn as usual. A driver of the {@link Runner} through a {@link UniformSource}
 * (MODEL.md section 7): variant 0 is the plain run, variants 2j+1 and 2j+2 pin input j's uniform; all
 * variants run on the same trials, so the swings are paired and their noise is small.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * One input's effect.
     *
     * @param input     key path of the input (e.g. {@code funnel.win_rate})
     * @param lowValue  the input's value at the low quantile, in the key's unit
     * @param highValue the input's value at the high quantile
     * @param lowMean   mean of the figure with the input at lowValue
     * @param highMean  mean of the figure with the input at highValue
     * @param swingSe   standard error of (highMean − lowMean), paired trial by trial
     * @param lowTrials  trials in which the figure is defined with the input at lowValue (lowMean's count)
     * @param highTrials the same at highValue
     */
    public record Bar(String input, double lowValue, double highValue, double lowMean, double highMean,
                      double swingSe, long lowTrials, long highTrials) {
        public double swing() {
            return Math.abs(highMean - lowMean);
        }

        /** Whether the swing is within two standard errors of zero: not told apart from no effect at this size. */
        public boolean withinNoise() {
            return !(swing() > 2 * swingSe);
        }
    }

    /** Largest swing first; an undefined swing (the figure undefined in every trial at one end) last. */
    static final Comparator<Bar> BY_SWING = (a, b) -> {
        boolean an = Double.isNaN(a.swing());
        boolean bn = Double.isNaN(b.swing());
        if (an || bn) {
            return Boolean.compare(an, bn);
        }
        return Double.compare(b.swing(), a.swing());
    };

    /** The tornado: bars sorted by swing, largest first, around the plain run's mean. */
    public record Tornado(Scenario scenario, String structure, Summary figure, double lowLevel, double highLevel,
                          double baseMean, List<Bar> bars, long trials) {
        public Tornado {
            bars = List.copyOf(bars);
        }
    }

    /** Pins one uniform per variant: variant 2j+1 → input j at low, 2j+2 → input j at high. */
    record Pinned(double low, double high) implements UniformSource {
        @Override
        public void fill(CompiledModel model, int variant, long trial, double[] u) {
            UniformSource.PLAIN.fill(model, variant, trial, u);
            if (variant > 0) {
                int j = (variant - 1) / 2;
                u[j] = (variant - 1) % 2 == 0 ? low : high;
            }
        }
    }

    /** Pairs each pinned variant with its partner, trial by trial, for the swing's standard error. */
    static final class SwingAccumulator implements BlockSink {
        final int inputs;
        final int col;
        final long[] n;
        final double[] mean;
        final double[] m2;

        SwingAccumulator(int inputs, Summary figure) {
            this.inputs = inputs;
            this.col = figure.ordinal();
            n = new long[inputs];
            mean = new double[inputs];
            m2 = new double[inputs];
        }

        @Override
        public void accept(long first, int count, double[][] s) {
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < inputs; j++) {
                    double lo = s[2 * j + 1][i * Summary.COUNT + col];
                    double hi = s[2 * j + 2][i * Summary.COUNT + col];
                    if (Double.isNaN(lo) || Double.isNaN(hi)) {
                        continue;
                    }
                    double d = hi - lo;
                    long k = ++n[j];
                    double delta = d - mean[j];
                    mean[j] += delta / k;
                    m2[j] += delta * (d - mean[j]);
                }
            }
        }

        double se(int j) {
            return n[j] > 1 ? Math.sqrt(m2[j] / (n[j] - 1) / n[j]) : Double.NaN;
        }
    }

    public static Tornado run(Scenario sc, Summary figure, double low, double high, Simulation.Options o)
            throws Exception {
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException("need 0 < low < high < 1");
        }
        CompiledModel m = CompiledModel.of(sc);
        Inputs in = m.inputs();
        int k = in.uncertainCount();
        List<CompiledModel> variants = new ArrayList<>();
        for (int v = 0; v < 1 + 2 * k; v++) {
            variants.add(m);
        }
        SwingAccumulator acc = new SwingAccumulator(k, figure);
        // summary figures only: 1 + 2k variants of monthly sketches per thread would take memory for nothing
        RunResult r = new Runner(o.threads(), o.batchTrials(), o.progress(), new Pinned(low, high)).summaryOnly()
                .run(variants, sc.trials(), acc);
        List<Bar> bars = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            Stats lo = r.variants().get(2 * j + 1);
            Stats hi = r.variants().get(2 * j + 2);
            bars.add(new Bar(in.uncertainName(j), in.valueAt(j, low), in.valueAt(j, high), lo.mean(figure),
                    hi.mean(figure), acc.se(j), lo.count(figure), hi.count(figure)));
        }
        bars.sort(BY_SWING);
        return new Tornado(sc, m.structure(), figure, low, high, r.first().mean(figure), bars, r.trials());
    }
}
