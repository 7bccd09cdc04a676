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

        PairAccumulator(int k) {
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
        }

        @Override
        public void accept(long firstTrial, int count, double[][] s) {
            for (int i = 0; i < count; i++) {
                int base = i * Summary.COUNT;
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

        List<Comparison.Pair> result(List<String> names, List<Stats> stats) {
            List<Comparison.Pair> out = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                int a = pairs.get(p)[0];
                int b = pairs.get(p)[1];
                for (int f = 0; f < figures; f++) {
                    Comparison.Figure fig = Comparison.FIGURES.get(f);
                    long c = n[p][f];
                    double sd = c > 1 ? Math.sqrt(Math.max(0, m2[p][f] / (c - 1))) : 0;
                    double half = c > 0 ? Comparison.Z95 * sd / Math.sqrt(c) : Double.NaN;
                    double sa = stats.get(a).sd(fig.summary());
                    double sb = stats.get(b).sd(fig.summary());
                    double unpaired = c > 0 ? Comparison.Z95 * Math.sqrt((sa * sa + sb * sb) / c) : Double.NaN;
                    double m = c > 0 ? mean[p][f] : Double.NaN;
                    out.add(new Comparison.Pair(names.get(a), names.get(b), fig, c, m, sd, m - half, m + half,
                            unpaired, c > 0 ? better[p][f] / (double) c : Double.NaN,
                            c > 0 ? ties[p][f] / (double) c : Double.NaN, maxAbs[p][f]));
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
        b.append(",cumulative_profit_unpaired_ci95_half_width,cumulative_profit_ci_narrowing\n");
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
