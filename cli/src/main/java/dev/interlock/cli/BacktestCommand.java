package dev.interlock.cli;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.charts.BacktestCharts;
import dev.interlock.charts.ChartWriter;
import dev.interlock.charts.InterlockTheme;
import dev.interlock.engine.analyses.Backtest;
import dev.interlock.engine.analyses.BacktestResult;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Calibrate on past months, forecast the next ones, and score the forecast against naive baselines.",
        description = {
            "",
            "Calibrates SCENARIO on the first N months of the actuals (as `calibrate`",
            "does), forecasts the next M months with the full Monte Carlo, and scores",
            "every forecast metric that has actuals: MAE, MAPE, sMAPE, MASE, CRPS (from",
            "the trial values), pinball loss at P10/P50/P90 and the coverage of the",
            "50/80/90%% intervals, beside naive baselines on the same months: last value,",
            "mean of the last 3, drift, and (when leads are given) the ratio to leads.",
            "With --rolling, repeats from every later origin and averages.",
            "",
            "Spend in the actuals is an input (known in advance); with leads but no",
            "spend, the actual leads are given and not scored. Stocks (active customers,",
            "MRR, revenue) are re-based on their last training value, unless the cohort",
            "table counts activity. Writes to DIR:",
            "  backtest.csv     the score table, one row per metric and method",
            "  forecasts.csv    every forecast month: actual, model percentiles, baselines",
            "  fan-METRIC.csv   the first origin's band over all months, with actuals",
            "  fan-METRIC.png   the same as a fan chart with the actuals overlaid (and .svg)",
            "  backtest.json    all of it, with each origin's calibration",
            "How to read the scores: docs/accuracy.md.",
            ""},
        footerHeading = "%n",
        footer = {"Examples (A=scenarios/actuals):",
            "  interlock backtest $A/olist-funnel.yaml --actuals $A/olist-funnel.csv \\",
            "      --deals $A/olist-funnel.deals.csv --train-months 10 --horizon 6",
            "  interlock backtest $A/cdnow.yaml --actuals $A/cdnow.csv \\",
            "      --cohorts $A/cdnow.cohorts.csv --train-months 9 --rolling"})
final class BacktestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Base scenario (YAML) to calibrate and run.")
    Path scenario;

    @Option(names = "--actuals", paramLabel = "CSV", required = true, description = "Monthly actuals (CSV).")
    Path actuals;

    @Mixin
    ActualsOptions tables;

    @Option(names = "--train-months", paramLabel = "N", required = true,
            description = "Months to calibrate on, from the first month of the actuals.")
    int trainMonths;

    @Option(names = "--horizon", paramLabel = "M",
            description = "Months to forecast from each origin. Default: to the end of the actuals.")
    Integer horizon;

    @Option(names = "--rolling", description = "Repeat from every later origin (expanding window) and average.")
    boolean rolling;

    @Option(names = "--no-anchor", description = "Do not anchor stocks (active_customers, mrr, revenue) at their "
            + "last training value: forecast them from the simulated history alone.")
    boolean noAnchor;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "" + Backtest.DEFAULT_TRIALS,
            description = "Trials per forecast. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--seed", paramLabel = "S", description = "Seed. Default: the scenario's `seed`.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads. Default: all cores. Never changes a result, only the speed.")
    Integer threads;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory. Default: out/<scenario file name>-backtest.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = output != null ? output : Path.of(RunCommand.defaultOutput(scenario) + "-backtest");
        OutputDir.check(dir);
        if (horizon != null && horizon < 1) {
            throw new InputException(new Problem("--horizon", 0, 0, "", "expected a whole number ≥ 1, found "
                    + horizon));
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InputException(new Problem("--threads", 0, 0, "", "expected a whole number from 1 to 1024, "
                    + "found " + threads));
        }
        Scenario base = ScenarioLoader.load(scenario);
        Actuals a = tables.read(actuals);
        Backtest.Options o = new Backtest.Options(trainMonths, horizon == null ? 0 : horizon, rolling, trials,
                seed != null ? seed : base.seed(), threads != null ? threads : Runner.defaultThreads(), Runner.BLOCK,
                !noAnchor);
        BacktestResult r = Backtest.run(base, a, o);
        InterlockTheme theme = InterlockTheme.standard();
        Backtest.write(r, dir, out -> {
            for (BacktestCharts.Fan f : BacktestCharts.fans(r, theme)) {
                ChartWriter.Rendered x = ChartWriter.render(f.figure(), theme);
                java.nio.file.Files.write(out.file("fan-" + f.metric() + ".png"), x.png());
                java.nio.file.Files.writeString(out.file("fan-" + f.metric() + ".svg"), x.svg(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        });
        print(spec.commandLine().getOut(), r, a, scenario, dir);
        return 0;
    }

    static void print(PrintWriter out, BacktestResult r, Actuals a, Path scenario, Path dir) {
        BacktestResult.Origin first = r.origins().get(0);
        BacktestResult.Origin last = r.origins().get(r.origins().size() - 1);
        out.printf(Locale.ROOT, "Backtest of %s on %s%n", scenario, a.file());
        if (r.rolling()) {
            out.printf(Locale.ROOT, "  %d origins, %s…%s (expanding window from %d training months), up to %d months "
                    + "ahead each; %,d trials per forecast, seed %d (%.1f s)%n", r.origins().size(), first.month(),
                    last.month(), r.trainMonths(), r.horizon(), r.trials(), r.seed(), r.seconds());
        } else {
            out.printf(Locale.ROOT, "  trained on %d months (%s…%s), forecast %d months from %s; %,d trials, seed %d "
                    + "(%.1f s)%n", r.trainMonths(), a.first(), a.month(r.trainMonths() - 1), r.horizon(),
                    first.month(), r.trials(), r.seed(), r.seconds());
        }
        StringBuilder in = new StringBuilder();
        for (Map.Entry<String, String> e : r.inputs().entrySet()) {
            in.append(in.length() > 0 ? ", " : "").append(e.getKey()).append(": ").append(switch (e.getValue()) {
                case "spend" -> "actual spend given";
                case "leads" -> "actual leads given";
                default -> "scenario's plan";
            });
        }
        out.println("  inputs: " + in);
        for (String metric : r.metrics()) {
            out.println();
            out.printf(Locale.ROOT, "  %-13s %9s %7s %7s %6s %9s %9s %9s %9s %6s %6s %6s %6s%n", metric, "MAE", "MAPE",
                    "sMAPE", "MASE", "CRPS", "pin P10", "pin P50", "pin P90", "cov50", "cov80", "cov90", "months");
            int months = 0;
            int fewest = Integer.MAX_VALUE;
            for (BacktestResult.ScoreRow s : r.scores()) {
                if (!s.metric().equals(metric)) {
                    continue;
                }
                months = Math.max(months, s.cells());
                fewest = Math.min(fewest, s.cells());
                out.printf(Locale.ROOT, "  %-13s %9s %7s %7s %6s %9s %9s %9s %9s %6s %6s %6s %6d%n", s.method(),
                        Human.compact(s.value("mae")), Human.percent(s.value("mape")), Human.percent(s.value("smape")),
                        two(s.value("mase")), Human.compact(s.value("crps")), Human.compact(s.value("pinball_p10")),
                        Human.compact(s.value("pinball_p50")), Human.compact(s.value("pinball_p90")),
                        Human.percent(s.value("coverage_50")), Human.percent(s.value("coverage_80")),
                        Human.percent(s.value("coverage_90")), s.cells());
            }
            out.printf(Locale.ROOT, fewest < months
                    ? "  (up to %d forecast months scored; rows scored on fewer months are not comparable with the "
                            + "others: a baseline forecasts only from enough history, and naive_ratio only when its "
                            + "last three training months have leads)%n"
                    : "  (%d forecast months scored by every row)%n", months);
        }
        out.println();
        out.println("  Lower is better, except coverage, which should be near 50/80/90%. The model's point forecast is");
        out.println("  the median of its trials; baselines are normal around their point (sd from their own errors).");
        if (r.rolling()) {
            out.println("  Over rolling origins each score is the mean of the origins' scores, each origin weighing the");
            out.println("  same: coverage is the mean of the per-origin shares of months inside the interval, not the");
            out.println("  share of all scored months.");
        }
        for (String n : r.notes()) {
            out.println("  - " + n);
        }
        out.println();
        out.println("Wrote " + dir + ": backtest.csv, forecasts.csv, backtest.json, fan-<metric>.csv, and each fan "
                + "chart with the actuals as fan-<metric>.png and .svg");
        out.flush();
    }

    private static String two(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
    }
}
