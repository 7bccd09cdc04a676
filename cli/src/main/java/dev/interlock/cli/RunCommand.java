package dev.interlock.cli;

import dev.interlock.charts.InterlockTheme;
import dev.interlock.charts.RunReport;
import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Simulate a scenario and write month-by-month percentile forecasts.",
        description = {
            "",
            "Runs every trial of SCENARIO under its active reporting structure and writes to DIR:",
            "  monthly.csv             one row per metric and month: mean, sd, P5…P95, min, max, and for",
            "                          onboarding_gap, sales_gap and onboarding_backlog the share of trials",
            "                          above the threshold (p_exceed: P(gap > 0), P(backlog > threshold))",
            "  trials.csv              one row per trial: cumulative profit, ending ARR, peak backlog, …",
            "  summary.json            the distribution of every per-trial figure, and capacity risks by month",
            "  scenario.resolved.yaml  the scenario with every default filled in: rerun it to reproduce",
            "With --report, also report.html and charts/ (see `interlock help report`).",
            "DIR is replaced as a whole when the run completes; an interrupted run leaves it untouched.",
            ""},
        footerHeading = "%n",
        footer = {"Examples:",
            "  interlock run scenarios/saas.yaml",
            "  interlock run scenarios/marketing-push.yaml -o out/push --trials 50000 --seed 7",
            "  interlock run scenarios/saas.yaml --structure both_under_coo",
            "  interlock run scenarios/saas.yaml --report      then open out/saas/report.html"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory. Default: out/<scenario file name>.")
    Path output;

    @Option(names = "--structure", paramLabel = "NAME",
            description = "Reporting structure to run. Default: the scenario's `structure`.")
    String structure;

    @Option(names = "--report",
            description = "Also write report.html (summary, charts, tables, assumptions in one self-contained page) "
                    + "and charts/ (every chart as PNG and SVG) into DIR.")
    boolean report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return simulate(spec, scenario, structure, output, report);
    }

    /** Runs SCENARIO, writes its files (and the report when asked) into DIR atomically, prints the summary. */
    static int simulate(CommandSpec spec, ScenarioOptions scenario, String structure, Path output, boolean report)
            throws Exception {
        Scenario sc = scenario.load(structure);
        Path dir = output != null ? output : defaultOutput(scenario.scenario);
        OutputDir.check(dir);
        int threads = scenario.threads();
        List<RunReport.Written> written = new ArrayList<>();
        double[] renderSeconds = {0};
        Simulation.ExtraFiles extra = !report ? Simulation.ExtraFiles.NONE : (out, result) -> {
            long start = System.nanoTime();
            written.add(RunReport.write(out, sc, result, InterlockTheme.standard()));
            renderSeconds[0] = (System.nanoTime() - start) / 1e9;
        };
        RunResult r;
        try (ConsoleProgress progress = new ConsoleProgress("Simulating")) {
            r = Simulation.run(sc, new Simulation.Options(threads, scenario.batch(), progress), dir, extra);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, sc, r, dir);
        if (!written.isEmpty()) {
            int charts = written.get(0).chartFiles().size() / 2;
            out.printf(Locale.ROOT, "      and %s (open it in a browser), %s/ (%d charts, each as PNG and SVG; "
                    + "rendered in %.2f s)%n", written.get(0).html(), RunReport.CHARTS, charts, renderSeconds[0]);
            out.flush();
        }
        for (String note : ValidateCommand.notes(sc)) {
            out.println("Note: " + note);
        }
        out.flush();
        return 0;
    }

    static Path defaultOutput(Path scenarioFile) {
        String name = scenarioFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of("out", dot > 0 ? name.substring(0, dot) : name);
    }

    static void print(PrintWriter out, Scenario sc, RunResult r, Path dir) {
        Stats s = r.first();
        out.printf(Locale.ROOT, "%s — structure %s: %,d trials × %d months, seed %d (%.1f s)%n", sc.name(),
                s.structure(), r.trials(), sc.horizonMonths(), sc.seed(), r.seconds());
        out.printf(Locale.ROOT, "%n  %-34s %10s %10s %10s %10s%n", "at the horizon", "P10", "P50", "P90", "mean");
        row(out, s, Summary.CUMULATIVE_PROFIT, "cumulative profit (" + sc.currency() + ")");
        row(out, s, Summary.ENDING_ARR, "ending ARR (" + sc.currency() + ")");
        row(out, s, Summary.ENDING_CUSTOMERS, "live customers");
        row(out, s, Summary.PEAK_BACKLOG, "peak onboarding backlog (customers)");
        row(out, s, Summary.MONTHS_SHORT, "months onboarding short");
        row(out, s, Summary.MEAN_WAIT_MONTHS, "mean wait for onboarding (months)");
        row(out, s, Summary.CAC, "CAC (" + sc.currency() + ")");
        row(out, s, Summary.LTV_TO_CAC, "LTV / CAC");
        out.println();
        out.printf(Locale.ROOT, "  P(cumulative profit > 0) = %s%n",
                Human.percent(s.exceedProbability(Summary.CUMULATIVE_PROFIT)));
        String short50 = Human.monthsAtRisk(s, Metric.ONBOARDING_GAP, 0.5);
        // each month on its own: a future short in month 5 need not be short in month 6
        out.println("  months in which onboarding falls short in at least half of futures: "
                + (short50.isEmpty() ? "none" : short50));
        String backlog = Human.monthsAtRisk(s, Metric.BACKLOG, 0.5);
        out.println("  months in which the backlog is above " + Human.compact(s.exceedThreshold(Metric.BACKLOG))
                + " customers in at least half of futures: " + (backlog.isEmpty() ? "none" : backlog));
        String sales = Human.monthsAtRisk(s, Metric.SALES_GAP, 0.5);
        out.println("  months in which sales capacity is short in at least half of futures: "
                + (sales.isEmpty() ? "none" : sales));
        out.println();
        out.println("Wrote " + dir + ": monthly.csv, trials.csv, summary.json, scenario.resolved.yaml");
        out.flush();
    }

    private static void row(PrintWriter out, Stats s, Summary k, String label) {
        String[] v = dev.interlock.engine.output.Words.compactRow(s.quantile(k, 0.1), s.quantile(k, 0.5),
                s.quantile(k, 0.9), s.mean(k));   // one format per row, as in the report
        out.printf(Locale.ROOT, "  %-34s %10s %10s %10s %10s%n", label, v[0], v[1], v[2], v[3]);
    }
}
