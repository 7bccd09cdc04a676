package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.dist.Normal;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.output.Fmt;
import dev.interlock.engine.output.Json;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Scenario.Channel;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.stats.Stats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code backtest} job: calibrates on the first N months of actuals, forecasts the next M with the
 * full Monte Carlo, and scores every forecast metric that has actuals against naive baselines on the
 * same months ({@link Baselines}, {@link Scores}). With {@code rolling}, repeats from every later origin
 * (expanding training window) and averages each score over origins. A driver of the {@link Runner}: it
 * captures the trials' monthly values and never touches the kernel.
 *
 * <p>How a forecast is set up, since the engine starts every run with no customers and no pipeline:
 * <ul>
 *   <li>the run starts at the actuals' first month and lasts N + M months, so the pipeline and the customer
 *       base are simulated through the training months (with the calibrated inputs) and only the months
 *       after the origin are scored — the forecast is not conditioned on the state observed at the origin;</li>
 *   <li>each channel's spend is the actual spend of every month when the actuals give it (spend is a
 *       decision known in advance, so it is an input, not a forecast); when they give leads but no spend,
 *       the actual leads are the input ("leads given": spend in lead units, cost per lead 1, so leads are
 *       Poisson around the actual counts) and leads are not scored; otherwise the scenario's own plan;</li>
 *   <li>spend is never scored (it is an input); neither are leads when any channel's leads are given;</li>
 *   <li>stocks — active customers, MRR and revenue (which follows MRR) — are anchored: each trial's
 *       forecast is the value observed in the last training month plus the trial's own simulated change
 *       since then (an intercept correction; Clements &amp; Hendry 1998, "Forecasting Economic Time Series",
 *       ch. 8). Without it, a stock forecast carries the simulated noise of the whole history although its
 *       level at the origin is known, and its intervals are far too wide (on simulated histories the 80 %
 *       interval covered 99.6 %); with it they are close to nominal. Flows (leads, wins, closes, churned)
 *       are not anchored. Nor are stocks when the cohort table up to the origin counts activity rather than
 *       survival (its counts rise somewhere): active customers are then not the model's state, and anchoring would pin the
 *       forecast to one noisy month.</li>
 * </ul>
 * The model's point forecast is the median of the trials.
 */
public final class Backtest {
    public static final int DEFAULT_TRIALS = 2000;
    public static final int MIN_TRIALS = 100;
    public static final int MAX_TRIALS = 1_000_000;
    private static final double[] LEVELS = Stats.LEVELS;

    private Backtest() {
    }

    /**
     * @param trainMonths N, months of the first training window
     * @param horizon     M, months forecast from each origin; 0 = up to the end of the actuals
     * @param rolling     repeat from origins N, N+1, …, last month
     * @param trials      trials per forecast
     * @param seed        the seed of every forecast
     * @param threads     worker threads (never changes a result)
     * @param batch       trials per work unit (never changes a result)
     * @param anchor      re-base stock metrics on their last training value (see the class comment)
     */
    public record Options(int trainMonths, int horizon, boolean rolling, int trials, long seed, int threads,
                          int batch, boolean anchor) {
        /** Options with stock metrics anchored at the origin (the default). */
        public Options(int trainMonths, int horizon, boolean rolling, int trials, long seed, int threads, int batch) {
            this(trainMonths, horizon, rolling, trials, seed, threads, batch, true);
        }
    }

    /** Month-end stocks, anchored at the last observed value before the origin (see the class comment). */
    static final java.util.Set<String> STOCKS = java.util.Set.of("active_customers", "mrr", "revenue");

    /** Runs the backtest. @throws InputException when the options do not fit the actuals or scenario */
    public static BacktestResult run(Scenario base, Actuals a, Options o) throws Exception {
        long start = System.nanoTime();
        check(a, o);
        int months = a.months();
        int horizon = o.horizon() == 0 ? months - o.trainMonths() : o.horizon();
        List<Integer> originList = new ArrayList<>();
        if (o.rolling()) {
            for (int n = o.trainMonths(); n < months; n++) {
                originList.add(n);
            }
        } else {
            originList.add(o.trainMonths());
        }
        int maxH = 0;
        for (int n : originList) {
            maxH = Math.max(maxH, n + Math.min(horizon, months - n));
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> inputs = inputs(base, a, maxH, notes);
        boolean leadsGiven = inputs.containsValue("leads");
        List<String> metrics = scoredMetrics(a, leadsGiven, originList, horizon);
        if (metrics.isEmpty()) {
            throw new InputException(new Problem(a.file(), 0, 0, "", "expected at least one metric with actuals in "
                    + "the forecast months to score (any of " + String.join(", ", Actuals.METRICS.subList(1,
                    Actuals.METRICS.size())) + (leadsGiven ? "; leads are given here, so they are not scored" : "")
                    + "), found none"));
        }
        // the note on given leads goes here, written once the rows show whether naive_ratio is scored
        int leadsNote = notes.size();
        List<String> uncalibrated = new ArrayList<>();
        Map<List<String>, List<String>> keptAt = new LinkedHashMap<>();   // keys kept from the base → origins
        double[] leadsTotal = leadsGiven ? a.total("leads") : null;
        boolean stocks = metrics.stream().anyMatch(STOCKS::contains);
        int anchored = 0;

        Map<String, ScoreTally> total = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        methods.add("model");
        for (String b : Baselines.METHODS) {
            if (!b.equals("naive_ratio") || leadsGiven) {
                methods.add(b);
            }
        }
        for (String m : metrics) {
            for (String method : methods) {
                total.put(m + "/" + method, new ScoreTally());
            }
        }
        List<BacktestResult.Origin> origins = new ArrayList<>();
        List<BacktestResult.FanPoint> fan = new ArrayList<>();
        for (int n : originList) {
            int h = Math.min(horizon, months - n);
            int H = n + h;
            Actuals train = a.head(n);
            boolean activity = train.cohorts() != null && !train.cohorts().monotone();
            boolean anchor = o.anchor() && !activity;
            anchored += anchor ? 1 : 0;
            Calibration cal = Calibrate.estimate(train, base);
            if (cal.estimated().isEmpty()) {
                uncalibrated.add(a.month(n).toString());
            }
            List<String> kept = kept(cal, inputs);
            if (!kept.isEmpty()) {
                keptAt.computeIfAbsent(kept, k -> new ArrayList<>()).add(a.month(n).toString());
            }
            Scenario calibrated = Calibrate.apply(base, cal);
            Scenario f = forecastScenario(calibrated, a, H, inputs, o.trials(), o.seed());
            double[][][] v = simulate(f, metrics, o);
            List<BacktestResult.Cell> cells = new ArrayList<>();
            for (int j = 0; j < metrics.size(); j++) {
                String metric = metrics.get(j);
                double[] actual = a.total(metric);
                double[] history = Arrays.copyOf(actual, n);
                Map<String, ScoreTally> origin = new LinkedHashMap<>();
                for (String method : methods) {
                    origin.put(method, new ScoreTally());
                }
                if (anchor && STOCKS.contains(metric) && !Double.isNaN(actual[n - 1])) {
                    anchor(v[j], n, actual[n - 1]);
                }
                for (int t = 0; t < H; t++) {
                    Arrays.sort(v[j][t]);
                }
                for (int t = n; t < H; t++) {
                    double y = actual[t];
                    if (Double.isNaN(y)) {
                        continue;
                    }
                    double[] s = v[j][t];
                    double[] q = quantiles(s);
                    ScoreTally model = origin.get("model");
                    double p10 = Scores.quantile(s, 0.1);
                    double p50 = Scores.quantile(s, 0.5);
                    double p90 = Scores.quantile(s, 0.9);
                    model.cell(p50, y, Scores.crps(s, y), Scores.pinball(p10, y, 0.1), Scores.pinball(p50, y, 0.5),
                            Scores.pinball(p90, y, 0.9), hit(Scores.covers(s, y, 0.5)), hit(Scores.covers(s, y, 0.8)),
                            hit(Scores.covers(s, y, 0.9)));
                    Map<String, Double> points = new LinkedHashMap<>();
                    for (String method : methods.subList(1, methods.size())) {
                        Baselines.Forecast b = Baselines.forecast(method, history, t, leadsTotal);
                        points.put(method, b.point());
                        if (!Double.isNaN(b.point())) {
                            scoreBaseline(origin.get(method), b, y);
                        }
                    }
                    cells.add(new BacktestResult.Cell(metric, a.month(t).toString(), t - n + 1, y, mean(s), q, points));
                }
                double scale = Scores.naiveScale(history);
                for (String method : methods) {
                    ScoreTally ot = origin.get(method);
                    ot.finishOrigin(scale);
                    total.get(metric + "/" + method).add(ot);
                }
                if (origins.isEmpty()) {
                    for (int t = 0; t < H; t++) {
                        fan.add(new BacktestResult.FanPoint(metric, a.month(t).toString(), t >= n, actual[t],
                                mean(v[j][t]), quantiles(v[j][t])));
                    }
                }
            }
            origins.add(new BacktestResult.Origin(a.month(n).toString(), n, cal, cells));
        }
        List<BacktestResult.ScoreRow> rows = new ArrayList<>();
        for (String metric : metrics) {
            for (String method : methods) {
                ScoreTally t = total.get(metric + "/" + method);
                if (t.cells == 0 && !method.equals("model")) {
                    continue;                          // a baseline with no forecast here (e.g. ratio without leads)
                }
                double[] values = new double[ScoreTally.NAMES.length];
                for (int s = 0; s < values.length; s++) {
                    values[s] = t.mean(s);
                }
                rows.add(new BacktestResult.ScoreRow(metric, method, t.origins, t.cells, values));
            }
        }
        if (leadsGiven) {
            notes.add(leadsNote, "Leads are given: the model sees the actual lead counts of every month (the actuals "
                    + "have no spend), so it forecasts what follows from them"
                    + (rows.stream().anyMatch(r -> r.method().equals("naive_ratio"))
                    ? "; naive_ratio is the baseline that sees them too." : "."));
        }
        if (!uncalibrated.isEmpty()) {
            notes.add("Nothing could be estimated from the training months at " + (uncalibrated.size() == 1
                    ? "origin " + uncalibrated.get(0) : uncalibrated.size() + " origins (" + String.join(", ",
                    uncalibrated) + ")") + ", so those forecasts use the base scenario's values as written. If those "
                    + "were fitted on the whole of the actuals, these origins see the future: give more training "
                    + "months, or a base with values known at the origin.");
        }
        for (Map.Entry<List<String>, List<String>> e : keptAt.entrySet()) {
            List<String> at = e.getValue();
            String where = at.size() == originList.size() ? (at.size() == 1 ? "At the origin (" + at.get(0) + ")"
                    : "At every origin (" + at.size() + ")") : "At " + at.size() + " of " + originList.size()
                    + " origins (" + String.join(", ", at) + ")";
            notes.add(where + ", these keys could not be estimated from the training months and keep the base "
                    + "scenario's values: " + String.join("; ", e.getKey()) + ". If the base's values were fitted on "
                    + "months after the origin, those forecasts see the future.");
        }
        if (o.anchor() && stocks && anchored < originList.size()) {
            notes.add("Stocks are not anchored" + (anchored > 0 ? " at " + (originList.size() - anchored) + " of "
                    + originList.size() + " origins" : "") + ": the cohort table up to the origin counts activity, "
                    + "not survival, so active customers are not the model's state and the last month is one noisy "
                    + "draw of the activity level.");
        }
        notes.add("The run starts at the first month of the actuals and simulates the training months too; "
                + (anchored > 0 && stocks ? (anchored < originList.size() ? "at the other origins, " : "")
                + "stock metrics (active_customers, mrr, revenue) are anchored at their last training value; flows "
                + "are not conditioned on the state at the origin."
                : "nothing is conditioned on the state observed at the origin."));
        return new BacktestResult(base, a.file(), o.trials(), o.seed(), o.trainMonths(), horizon, o.rolling(), inputs,
                metrics, rows, origins, fan, notes, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The keys an origin's calibration could not estimate, which therefore keep the base scenario's values: its
     * {@link Calibration#missing()} rows, less the keys the actuals format never has data for and the responses of
     * channels whose actual leads are given (their response is replaced, not kept).
     */
    static List<String> kept(Calibration cal, Map<String, String> inputs) {
        List<String> out = new ArrayList<>();
        for (Calibration.Missing m : cal.missing()) {
            if (Calibrate.NOT_IN_FORMAT.contains(m.key())) {
                continue;
            }
            boolean given = false;
            for (Map.Entry<String, String> in : inputs.entrySet()) {
                given |= in.getValue().equals("leads") && m.key().equals("marketing.channels[" + in.getKey()
                        + "].response");
            }
            if (!given) {
                out.add(m.key());
            }
        }
        return out;
    }

    /**
     * Re-bases each trial's months from {@code n} on: value(t) = observed(n−1) + simulated(t) − simulated(n−1),
     * at least 0.
     */
    static void anchor(double[][] v, int n, double observed) {
        for (int i = 0; i < v[n - 1].length; i++) {
            double shift = observed - v[n - 1][i];
            for (int t = n; t < v.length; t++) {
                v[t][i] = Math.max(0, v[t][i] + shift);
            }
        }
    }

    private static double hit(boolean b) {
        return b ? 1 : 0;
    }

    private static void scoreBaseline(ScoreTally t, Baselines.Forecast b, double y) {
        double p = b.point();
        double sd = b.sd();
        if (sd > 0) {
            Normal n = new Normal(p, sd);
            double q10 = n.quantile(0.1);
            double q90 = n.quantile(0.9);
            t.cell(p, y, Scores.crpsNormal(p, sd, y), Scores.pinball(q10, y, 0.1), Scores.pinball(p, y, 0.5),
                    Scores.pinball(q90, y, 0.9), hit(Math.abs(y - p) <= 0.6744897501960817 * sd),
                    hit(Math.abs(y - p) <= 1.2815515655446004 * sd), hit(Math.abs(y - p) <= 1.6448536269514722 * sd));
        } else {
            t.cell(p, y, Math.abs(y - p), Scores.pinball(p, y, 0.1), Scores.pinball(p, y, 0.5),
                    Scores.pinball(p, y, 0.9), Double.NaN, Double.NaN, Double.NaN);
        }
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double[] quantiles(double[] sorted) {
        double[] q = new double[LEVELS.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Scores.quantile(sorted, LEVELS[i]);
        }
        return q;
    }

    private static void check(Actuals a, Options o) {
        List<Problem> p = new ArrayList<>();
        int months = a.months();
        if (o.trainMonths() < 2 || o.trainMonths() >= months) {
            p.add(new Problem("--train-months", 0, 0, "", "expected a whole number from 2 to " + (months - 1)
                    + " (the actuals have " + months + " months, " + a.first() + "…" + a.last()
                    + ", and at least one must be left to forecast), found " + o.trainMonths()));
        } else if (o.horizon() < 0 || o.trainMonths() + o.horizon() > months) {
            p.add(new Problem("--horizon", 0, 0, "", "expected a whole number from 1 to " + (months - o.trainMonths())
                    + " (months left after " + o.trainMonths() + " training months), found " + o.horizon()));
        }
        // each origin simulates from the actuals' first month to the end of its forecast; the last rolling one
        // reaches the actuals' last month
        int span = o.rolling() ? months : o.trainMonths() + (o.horizon() == 0 ? months - o.trainMonths() : o.horizon());
        if (p.isEmpty() && span > ScenarioLoader.MAX_HORIZON) {
            p.add(new Problem("--train-months", 0, 0, "", "expected at most " + ScenarioLoader.MAX_HORIZON + " months "
                    + "from the actuals' first month to the end of the last forecast (a backtest simulates from the "
                    + "first month, and a scenario runs at most " + ScenarioLoader.MAX_HORIZON + " months), found "
                    + span + "; cut the actuals to their recent months"));
        }
        if (o.trials() < MIN_TRIALS || o.trials() > MAX_TRIALS) {
            p.add(new Problem("--trials", 0, 0, "", "expected a whole number from " + MIN_TRIALS + " to " + MAX_TRIALS
                    + ", found " + o.trials()));
        }
        if (!p.isEmpty()) {
            throw new InputException(p);
        }
    }

    /** How each channel's inputs are set over the first {@code months} months (see the class comment). */
    static Map<String, String> inputs(Scenario base, Actuals a, int months, List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        int k = base.channels().size();
        for (Channel c : base.channels()) {
            double[] spend = Calibrate.series(a, "spend", c.name(), k);
            double[] leads = Calibrate.series(a, "leads", c.name(), k);
            if (complete(spend, months)) {
                out.put(c.name(), "spend");
            } else if (complete(leads, months)) {
                out.put(c.name(), "leads");
                if (spend != null) {
                    notes.add("channel " + c.name() + ": spend has blank months, so its actual leads were given "
                            + "instead");
                }
            } else {
                out.put(c.name(), "plan");
                notes.add("channel " + c.name() + ": the actuals do not give its spend or leads in every month, so "
                        + "the scenario's own spend plan drives it");
            }
        }
        return out;
    }

    private static boolean complete(double[] v, int months) {
        if (v == null) {
            return false;
        }
        for (int t = 0; t < months; t++) {
            if (Double.isNaN(v[t])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> scoredMetrics(Actuals a, boolean leadsGiven, List<Integer> origins, int horizon) {
        List<String> out = new ArrayList<>();
        for (String m : Actuals.METRICS) {
            if (m.equals("spend") || (m.equals("leads") && leadsGiven)) {
                continue;
            }
            double[] v = a.total(m);
            if (v == null) {
                continue;
            }
            boolean any = false;
            for (int n : origins) {
                for (int t = n; t < Math.min(a.months(), n + horizon); t++) {
                    any |= !Double.isNaN(v[t]);
                }
            }
            if (any) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The calibrated scenario set up to run from the actuals' first month for {@code months} months, with
     * each channel's inputs as {@link #inputs} decided. Checked by a round trip through the loader.
     */
    static Scenario forecastScenario(Scenario sc, Actuals a, int months, Map<String, String> inputs, int trials,
                                     long seed) {
        int k = sc.channels().size();
        List<Channel> channels = new ArrayList<>();
        for (Channel c : sc.channels()) {
            String how = inputs.get(c.name());
            if (how.equals("spend")) {
                double[] plan = Arrays.copyOf(Calibrate.series(a, "spend", c.name(), k), months);
                channels.add(new Channel(c.name(), new Scenario.Spend(0, 0, null, plan), c.carryover(), c.response(),
                        c.dispersion()));
            } else if (how.equals("leads")) {
                double[] plan = Arrays.copyOf(Calibrate.series(a, "leads", c.name(), k), months);
                channels.add(new Channel(c.name(), new Scenario.Spend(0, 0, null, plan), 0,
                        new Scenario.Linear(new Fixed(1)), 0));
            } else {
                if (c.spend().plan() != null && c.spend().plan().length < months) {
                    throw new InputException(new Problem(sc.name(), 0, 0, "marketing.channels[" + c.name()
                            + "].spend.plan", "expected a planned spend for each of the " + months
                            + " months the backtest simulates, found " + c.spend().plan().length));
                }
                channels.add(c);
            }
        }
        Scenario.Sales s = sc.sales();
        Scenario.Onboarding ob = sc.onboarding();
        Scenario.Sales sales = new Scenario.Sales(s.reps(), s.leadsPerRepMonth(), s.rampMonths(), s.costPerRepMonth(),
                s.hires().stream().filter(h -> h.month() <= months).toList());
        Scenario.Onboarding onboarding = new Scenario.Onboarding(ob.staff(), ob.customersPerStaffMonth(),
                ob.rampMonths(), ob.costPerStaffMonth(), ob.churnWhileWaiting(), ob.backlogThreshold(),
                ob.revenueAtClose(), ob.hires().stream().filter(h -> h.month() <= months).toList(), ob.hiring());
        Scenario f = new Scenario(sc.name(), sc.description(), seed, trials, months, a.first().toString(),
                sc.currency(), channels, sc.funnel(), sales, onboarding, sc.retention(), sc.revenue(), sc.finance(),
                sc.structure(), sc.structures(), sc.compare());
        try {
            return ScenarioLoader.parse(sc.name(), ScenarioYaml.write(f).getBytes(StandardCharsets.UTF_8), null,
                    KeyRecorder.NONE);
        } catch (InputException e) {
            throw new IllegalStateException("the backtest's forecast scenario does not load: " + e.getMessage(), e);
        }
    }

    /** values[metric][month][trial] of the scored metrics. */
    private static double[][][] simulate(Scenario f, List<String> metrics, Options o) throws Exception {
        CompiledModel m = CompiledModel.of(f);
        int h = f.horizonMonths();
        int k = metrics.size();
        Metric[] captured = new Metric[k];
        for (int j = 0; j < k; j++) {
            captured[j] = Metric.byKey(metrics.get(j));
        }
        double[][][] v = new double[k][h][o.trials()];
        new Runner(o.threads(), o.batch(), Progress.NONE, UniformSource.PLAIN).capture(captured)
                .run(List.of(m), o.trials(), new BlockSink() {
                    @Override
                    public void accept(long firstTrial, int count, double[][] summaries) {
                    }

                    @Override
                    public void acceptMonthly(long firstTrial, int count, double[][] monthly) {
                        double[] mv = monthly[0];
                        for (int i = 0; i < count; i++) {
                            int trial = (int) (firstTrial + i);
                            for (int j = 0; j < k; j++) {
                                int base = (i * k + j) * h;
                                for (int t = 0; t < h; t++) {
                                    v[j][t][trial] = mv[base + t];
                                }
                            }
                        }
                    }
                });
        return v;
    }

    // ---- files ----

    /**
     * Writes {@code backtest.csv} (the score table), {@code forecasts.csv} (every scored month of every
     * origin), {@code fan-METRIC.csv} (the first origin's forecast band over all simulated months, with the
     * actuals: the data of a fan chart) and {@code backtest.json} (all of it, with each origin's
     * calibration) into {@code dir}, atomically.
     */
    public static void write(BacktestResult r, Path dir) throws IOException {
        write(r, dir, out -> { });
    }

    /** Files a caller adds to the backtest's directory before it is committed (the fan charts). */
    @FunctionalInterface
    public interface ExtraFiles {
        void write(OutputDir out) throws IOException;
    }

    /** As {@link #write(BacktestResult, Path)}, with {@code extra}'s files committed together. */
    public static void write(BacktestResult r, Path dir, ExtraFiles extra) throws IOException {
        OutputDir.check(dir);
        try (OutputDir out = OutputDir.open(dir)) {
            try (Writer w = Files.newBufferedWriter(out.file("backtest.csv"), StandardCharsets.UTF_8)) {
                w.write("metric,method,origins,months_scored," + String.join(",", ScoreTally.NAMES) + "\n");
                for (BacktestResult.ScoreRow s : r.scores()) {
                    StringBuilder b = new StringBuilder(s.metric()).append(',').append(s.method()).append(',')
                            .append(s.origins()).append(',').append(s.cells());
                    for (double x : s.values()) {
                        b.append(',').append(Fmt.num(x));
                    }
                    w.write(b.append('\n').toString());
                }
            }
            try (Writer w = Files.newBufferedWriter(out.file("forecasts.csv"), StandardCharsets.UTF_8)) {
                w.write("origin,metric,month,step,actual,mean," + String.join(",", Stats.LEVEL_NAMES) + ","
                        + String.join(",", Baselines.METHODS) + "\n");
                for (BacktestResult.Origin o : r.origins()) {
                    for (BacktestResult.Cell c : o.cells()) {
                        StringBuilder b = new StringBuilder(o.month()).append(',').append(c.metric()).append(',')
                                .append(c.month()).append(',').append(c.step()).append(',')
                                .append(Fmt.num(c.actual())).append(',').append(Fmt.num(c.mean()));
                        for (double q : c.quantiles()) {
                            b.append(',').append(Fmt.num(q));
                        }
                        for (String m : Baselines.METHODS) {
                            b.append(',').append(Fmt.num(c.baselines().getOrDefault(m, Double.NaN)));
                        }
                        w.write(b.append('\n').toString());
                    }
                }
            }
            for (String metric : r.metrics()) {
                try (Writer w = Files.newBufferedWriter(out.file("fan-" + metric + ".csv"), StandardCharsets.UTF_8)) {
                    w.write("month,phase,actual,mean," + String.join(",", Stats.LEVEL_NAMES) + "\n");
                    for (BacktestResult.FanPoint p : r.fan()) {
                        if (!p.metric().equals(metric)) {
                            continue;
                        }
                        StringBuilder b = new StringBuilder(p.month()).append(',')
                                .append(p.forecast() ? "forecast" : "train").append(',').append(Fmt.num(p.actual()))
                                .append(',').append(Fmt.num(p.mean()));
                        for (double q : p.quantiles()) {
                            b.append(',').append(Fmt.num(q));
                        }
                        w.write(b.append('\n').toString());
                    }
                }
            }
            Files.writeString(out.file("backtest.json"), Json.write(json(r)), StandardCharsets.UTF_8);
            extra.write(out);
            out.commit();
        }
    }

    static Map<String, Object> json(BacktestResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", r.scenario().name());
        root.put("actuals", r.actuals());
        root.put("trials", r.trials());
        root.put("seed", r.seed());
        root.put("train_months", r.trainMonths());
        root.put("horizon", r.horizon());
        root.put("rolling", r.rolling());
        root.put("inputs", r.inputs());
        root.put("metrics", r.metrics());
        root.put("point_forecast", "the median of the trials");
        if (r.rolling()) {
            root.put("scores_over_origins", "the mean of the origins' scores, each origin weighing the same: coverage "
                    + "is the mean of the per-origin shares of months inside the interval, not the share of all months");
        }
        root.put("notes", r.notes());
        List<Object> scores = new ArrayList<>();
        for (BacktestResult.ScoreRow s : r.scores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", s.metric());
            m.put("method", s.method());
            m.put("origins", s.origins());
            m.put("months_scored", s.cells());
            for (int i = 0; i < ScoreTally.NAMES.length; i++) {
                m.put(ScoreTally.NAMES[i], s.values()[i]);
            }
            scores.add(m);
        }
        root.put("scores", scores);
        List<Object> origins = new ArrayList<>();
        for (BacktestResult.Origin o : r.origins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", o.month());
            m.put("train_months", o.trainMonths());
            List<Object> est = new ArrayList<>();
            for (Calibration.Row row : o.calibration().estimated()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("key", row.key());
                e.put("value", row.value());
                e.put("from", row.from());
                est.add(e);
            }
            m.put("calibrated", est);
            m.put("kept_from_base", kept(o.calibration(), r.inputs()));
            m.put("calibration_notes", o.calibration().notes());
            List<Object> cells = new ArrayList<>();
            for (BacktestResult.Cell c : o.cells()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("metric", c.metric());
                e.put("month", c.month());
                e.put("actual", c.actual());
                e.put("mean", c.mean());
                for (int i = 0; i < LEVELS.length; i++) {
                    e.put(Stats.LEVEL_NAMES[i], c.quantiles()[i]);
                }
                for (Map.Entry<String, Double> b : c.baselines().entrySet()) {
                    e.put(b.getKey(), b.getValue());
                }
                cells.add(e);
            }
            m.put("forecasts", cells);
            origins.add(m);
        }
        root.put("origins", origins);
        return root;
    }
}
