package dev.interlock.engine.analyses;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Fmt;
import dev.interlock.engine.output.Json;
import dev.interlock.engine.output.MonthlyCsv;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.output.SummaryJson;
import dev.interlock.engine.output.TrialsCsv;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Quantiles;
import dev.interlock.engine.stats.Stats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code compare} job: runs every chosen reporting structure on the same trials. Trial i of every
 * structure sees the same market — the same input uniforms (keyed by input path) and the same process
 * noise streams (keyed by purpose and month) — so differences are paired and their error is small
 * (common random numbers, MODEL.md section 7). A driver of the {@link Runner}: no kernel code here.
 */
public final class Compare {
    private Compare() {
    }

    /**
     * Trials up to which every trial's cumulative profit is kept per structure, so that the P10 and P90 of
     * each pair's differences are the exact sample quantiles (8 bytes per trial and structure: 8 MB per
     * structure at this many). Beyond it the differences go to a {@link Quantiles} sketch instead (within
     * 0.5 % of a true sample quantile, as every other quantile of a run), so memory stays bounded.
     */
    static final int EXACT_SPREAD_TRIALS = 1_000_000;

    /** Accumulates paired differences, trial by trial, in trial order. */
    static final class PairAccumulator implements BlockSink {
        final int k;
        final int[][] pairIndex;
        final List<int[]> pairs = new ArrayList<>();
        final int figures = Comparison.FIGURES.size();
        final long[][] n;
        final double[][] mean;
        final double[][] m2;
        final long[][] better;
        final long[][] ties;
        final double[][] maxAbs;
        /** Cumulative profit of every trial so far, per structure, while exact (null once past the limit). */
        double[][] profit;
        int kept;
        /** The pairs' cumulative profit differences, sketched, for runs past {@link #EXACT_SPREAD_TRIALS}. */
        final Quantiles spread;
        final int exactLimit;

        PairAccumulator(int k) {
            this(k, EXACT_SPREAD_TRIALS);
        }

        PairAccumulator(int k, int exactLimit) {
            this.k = k;
            pairIndex = new int[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    pairIndex[a][b] = pairs.size();
                    pairs.add(new int[] {a, b});
                }
            }
            int p = pairs.size();
            n = new long[p][figures];
            mean = new double[p][figures];
            m2 = new double[p][figures];
            better = new long[p][figures];
            ties = new long[p][figures];
            maxAbs = new double[p][figures];
            this.exactLimit = exactLimit;
            profit = new double[k][1024];
            spread = new Quantiles(p);
        }

        /**
         * Keeps one trial's cumulative profit per structure; past the limit, hands every kept trial's
         * differences to the sketch, drops the kept values and returns false (the caller sketches from then on).
         */
        private boolean keep(double[][] s, int col) {
            if (profit == null) {
                return false;
            }
            if (kept == exactLimit) {
                double[] d = new double[pairs.size()];
                for (int i = 0; i < kept; i++) {
                    for (int p = 0; p < pairs.size(); p++) {
                        d[p] = profit[pairs.get(p)[0]][i] - profit[pairs.get(p)[1]][i];
                    }
                    spread.add(d);
                }
                profit = null;
                return false;
            }
            if (kept == profit[0].length) {
                int grown = (int) Math.min(exactLimit, 2L * kept);
                for (int a = 0; a < k; a++) {
                    profit[a] = java.util.Arrays.copyOf(profit[a], grown);
                }
            }
            for (int a = 0; a < k; a++) {
                profit[a][kept] = s[a][col];
            }
            kept++;
            return true;
        }

        @Override
        public void accept(long firstTrial, int count, double[][] s) {
            double[] diffs = new double[pairs.size()];
            for (int i = 0; i < count; i++) {
                int base = i * Summary.COUNT;
                int profitCol = base + Summary.CUMULATIVE_PROFIT.ordinal();
                if (!keep(s, profitCol)) {
                    for (int p = 0; p < pairs.size(); p++) {
                        diffs[p] = s[pairs.get(p)[0]][profitCol] - s[pairs.get(p)[1]][profitCol];
                    }
                    spread.add(diffs);
                }
                for (int p = 0; p < pairs.size(); p++) {
                    int a = pairs.get(p)[0];
                    int b = pairs.get(p)[1];
                    for (int f = 0; f < figures; f++) {
                        Comparison.Figure fig = Comparison.FIGURES.get(f);
                        int col = base + fig.summary().ordinal();
                        double xa = s[a][col];
                        double xb = s[b][col];
                        if (Double.isNaN(xa) || Double.isNaN(xb)) {
                            continue;
                        }
                        double d = xa - xb;
                        long c = ++n[p][f];
                        double delta = d - mean[p][f];
                        mean[p][f] += delta / c;
                        m2[p][f] += delta * (d - mean[p][f]);
                        if (d == 0) {
                            ties[p][f]++;
                        } else if ((d > 0) == fig.higherIsBetter()) {
                            better[p][f]++;
                        }
                        maxAbs[p][f] = Math.max(maxAbs[p][f], Math.abs(d));
                    }
                }
            }
        }

        /**
         * P10 and P90 of the per-trial cumulative profit differences a − b: the sample values of rank
         * ⌊q·(n − 1)⌋ of the sorted differences (the rank {@link Quantiles} reports), NaNs left out.
         */
        double[] spread(int p) {
            int a = pairs.get(p)[0];
            int b = pairs.get(p)[1];
            if (profit == null) {
                return new double[] {spread.quantile(p, 0.1), spread.quantile(p, 0.9)};
            }
            double[] d = new double[kept];
            int m = 0;
            for (int i = 0; i < kept; i++) {
                double x = profit[a][i] - profit[b][i];
                if (!Double.isNaN(x)) {
                    d[m++] = x;
                }
            }
            if (m == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            java.util.Arrays.sort(d, 0, m);
            return new double[] {d[(int) Math.floor(0.1 * (m - 1))], d[(int) Math.floor(0.9 * (m - 1))]};
        }

        List<Comparison.Pair> result(List<String> names, List<Stats> stats) {
            List<Comparison.Pair> out = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                int a = pairs.get(p)[0];
                int b = pairs.get(p)[1];
                double[] q = spread(p);
                for (int f = 0; f < figures; f++) {
                    Comparison.Figure fig = Comparison.FIGURES.get(f);
                    long c = n[p][f];
                    double sd = c > 1 ? Math.sqrt(Math.max(0, m2[p][f] / (c - 1))) : 0;
                    // an interval needs a spread: with fewer than 2 trials there is none to state
                    double half = c > 1 ? Comparison.Z95 * sd / Math.sqrt(c) : Double.NaN;
                    double sa = stats.get(a).sd(fig.summary());
                    double sb = stats.get(b).sd(fig.summary());
                    double unpaired = c > 1 ? Comparison.Z95 * Math.sqrt((sa * sa + sb * sb) / c) : Double.NaN;
                    double m = c > 0 ? mean[p][f] : Double.NaN;
                    out.add(new Comparison.Pair(names.get(a), names.get(b), fig, c, m, sd, m - half, m + half,
                            unpaired, c > 0 ? better[p][f] / (double) c : Double.NaN,
                            c > 0 ? ties[p][f] / (double) c : Double.NaN, maxAbs[p][f],
                            fig.summary() == Summary.CUMULATIVE_PROFIT ? q[0] : Double.NaN,
                            fig.summary() == Summary.CUMULATIVE_PROFIT ? q[1] : Double.NaN));
                }
            }
            return out;
        }
    }

    /** A sink that feeds two sinks in turn. */
    private static BlockSink both(BlockSink x, BlockSink y) {
        return (first, count, s) -> {
            x.accept(first, count, s);
            y.accept(first, count, s);
        };
    }

    /** Compares without writing files. */
    public static Comparison run(Scenario sc, List<String> structures, Simulation.Options o) throws Exception {
        return run(sc, structures, o, BlockSink.NONE);
    }

    static Comparison run(Scenario sc, List<String> structures, Simulation.Options o, BlockSink extra)
            throws Exception {
        List<CompiledModel> models = new ArrayList<>();
        for (String s : structures) {
            models.add(CompiledModel.of(sc, s));
        }
        PairAccumulator acc = new PairAccumulator(models.size());
        RunResult r = new Runner(o.threads(), o.batchTrials(), o.progress(), UniformSource.PLAIN)
                .run(models, sc.trials(), both(acc, extra));
        return new Comparison(sc, structures, r, acc.result(structures, r.variants()));
    }

    /** Files a caller adds to a comparison's directory before it is committed (the HTML report). */
    @FunctionalInterface
    public interface ExtraFiles {
        ExtraFiles NONE = (out, c) -> { };

        void write(OutputDir out, Comparison c) throws IOException;
    }

    /** Compares and writes every file into {@code dir}, atomically. */
    public static Comparison run(Scenario sc, List<String> structures, Simulation.Options o, Path dir)
            throws Exception {
        return run(sc, structures, o, dir, ExtraFiles.NONE);
    }

    /** Compares, writes every file and then {@code extra}'s into {@code dir}, and commits them together. */
    public static Comparison run(Scenario sc, List<String> structures, Simulation.Options o, Path dir,
                                 ExtraFiles extra) throws Exception {
        OutputDir.check(dir);
        try (OutputDir out = OutputDir.open(dir)) {
            Comparison c;
            try (Writer tw = Files.newBufferedWriter(out.file("trials.csv"), StandardCharsets.UTF_8)) {
                c = run(sc, structures, o, new TrialsCsv(tw, structures.toArray(new String[0])));
            }
            write(out, c);
            extra.write(out, c);
            out.commit();
            return c;
        }
    }

    static void write(OutputDir out, Comparison c) throws IOException {
        Scenario sc = c.scenario();
        String[] labels = MonthlyCsv.monthLabels(sc.startMonth(), sc.horizonMonths());
        for (String s : c.structures()) {
            try (Writer w = Files.newBufferedWriter(out.file("monthly-" + s + ".csv"), StandardCharsets.UTF_8)) {
                MonthlyCsv.write(c.stats(s), labels, sc.currency(), w);
            }
        }
        Files.writeString(out.file("comparison.csv"), structuresCsv(c), StandardCharsets.UTF_8);
        Files.writeString(out.file("pairs.csv"), pairsCsv(c), StandardCharsets.UTF_8);
        Files.writeString(out.file("summary.json"), json(c), StandardCharsets.UTF_8);
        // the structures this comparison ran, so that rerunning the resolved file compares the same ones
        Files.writeString(out.file("scenario.resolved.yaml"), ScenarioYaml.write(sc.withCompare(c.structures())),
                StandardCharsets.UTF_8);
    }

    /** One row per structure, in ranking order. */
    static String structuresCsv(Comparison c) {
        StringBuilder b = new StringBuilder("rank,structure");
        for (Comparison.Figure f : Comparison.FIGURES) {
            String k = f.summary().key();
            b.append(',').append(k).append("_mean,").append(k).append("_p10,").append(k).append("_p50,")
                    .append(k).append("_p90");
        }
        b.append(",p_cumulative_profit_positive\n");
        int rank = 1;
        for (String s : c.ranking()) {
            Stats st = c.stats(s);
            b.append(rank++).append(',').append(Fmt.csv(s));
            for (Comparison.Figure f : Comparison.FIGURES) {
                b.append(',').append(Fmt.num(st.mean(f.summary()))).append(',')
                        .append(Fmt.num(st.quantile(f.summary(), 0.1))).append(',')
                        .append(Fmt.num(st.quantile(f.summary(), 0.5))).append(',')
                        .append(Fmt.num(st.quantile(f.summary(), 0.9)));
            }
            b.append(',').append(Fmt.num(st.exceedProbability(Summary.CUMULATIVE_PROFIT))).append('\n');
        }
        return b.toString();
    }

    /** One row per pair of structures: for each figure, mean a − b, its 95 % CI and P(a better). */
    static String pairsCsv(Comparison c) {
        StringBuilder b = new StringBuilder("a,b");
        for (Comparison.Figure f : Comparison.FIGURES) {
            String k = f.summary().key();
            b.append(',').append(k).append("_diff_mean,").append(k).append("_ci95_low,").append(k)
                    .append("_ci95_high,").append(k).append("_p_a_better,").append(k).append("_p_tie");
        }
        b.append(",cumulative_profit_unpaired_ci95_half_width,cumulative_profit_ci_narrowing,"
                + "cumulative_profit_diff_p10,cumulative_profit_diff_p90\n");
        List<String> names = c.structures();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String bb = names.get(j);
                b.append(Fmt.csv(a)).append(',').append(Fmt.csv(bb));
                for (Comparison.Figure f : Comparison.FIGURES) {
                    Comparison.Pair p = c.pair(a, bb, f.summary());
                    b.append(',').append(Fmt.num(p.meanDiff())).append(',').append(Fmt.num(p.ciLow())).append(',')
                            .append(Fmt.num(p.ciHigh())).append(',').append(Fmt.num(p.pABetter())).append(',')
                            .append(Fmt.num(p.pTie()));
                }
                Comparison.Pair profit = c.pair(a, bb, Summary.CUMULATIVE_PROFIT);
                b.append(',').append(Fmt.num(profit.unpairedHalfWidth())).append(',')
                        .append(Fmt.num(Double.isInfinite(profit.narrowing()) ? Double.NaN : profit.narrowing()))
                        .append(',').append(Fmt.num(profit.diffP10())).append(',').append(Fmt.num(profit.diffP90()))
                        .append('\n');
            }
        }
        return b.toString();
    }

    static String json(Comparison c) {
        Map<String, Object> root = SummaryJson.header(c.scenario(), c.run().trials());
        root.put("structures", new ArrayList<Object>(c.structures()));
        root.put("ranking_by_mean_cumulative_profit", new ArrayList<Object>(c.ranking()));
        Map<String, Object> per = new LinkedHashMap<>();
        for (String s : c.structures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", SummaryJson.figures(c.stats(s), c.scenario().currency()));
            m.put("risks", SummaryJson.risks(c.stats(s)));
            per.put(s, m);
        }
        root.put("per_structure", per);
        List<Object> pairs = new ArrayList<>();
        for (Comparison.Pair p : c.pairs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", p.a());
            m.put("b", p.b());
            m.put("figure", p.figure().summary().key());
            m.put("higher_is_better", p.figure().higherIsBetter());
            m.put("trials", p.n());
            m.put("mean_difference", p.meanDiff());
            m.put("ci95_low", p.ciLow());
            m.put("ci95_high", p.ciHigh());
            m.put("unpaired_ci95_half_width", p.unpairedHalfWidth());
            m.put("p_a_better", p.pABetter());
            m.put("p_tie", p.pTie());
            if (p.figure().summary() == Summary.CUMULATIVE_PROFIT) {
                m.put("difference_p10", p.diffP10());
                m.put("difference_p90", p.diffP90());
            }
            m.put("sentence", c.sentence(p.a(), p.b(), p.figure()));
            pairs.add(m);
        }
        root.put("pairs", pairs);
        if (c.structures().contains("siloed")) {
            Map<String, Object> seed = new LinkedHashMap<>();
            seed.put("published_claim", "aligned sales and marketing: 24% faster 3-year revenue growth, 27% faster "
                    + "3-year profit growth");
            for (String s : c.structures()) {
                if (!s.equals("siloed")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("revenue_growth_vs_siloed", c.relativeGain(s, "siloed", Summary.REVENUE_GROWTH));
                    m.put("profit_growth_vs_siloed", c.relativeGain(s, "siloed", Summary.PROFIT_GROWTH));
                    seed.put(s, m);
                }
            }
            root.put("seed_figure_check", seed);
        }
        return Json.write(root);
    }
}
