package dev.interlock.cli;

import dev.interlock.charts.CompareReport;
import dev.interlock.charts.InterlockTheme;
import dev.interlock.engine.analyses.Compare;
import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Suggest;
import dev.interlock.engine.stats.Stats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare reporting structures on the same simulated futures.",
        description = {
            "",
            "Runs every structure on the SAME trials: trial i of every structure sees the same market (lead",
            "noise, rates, churn draws), so the difference between two structures is measured trial by trial",
            "(common random numbers) and its error is small. Prints a ranking with the uncertainty stated,",
            "and writes to DIR:",
            "  comparison.csv          one row per structure: mean, P10, P50, P90 of each figure",
            "  pairs.csv               one row per pair: mean difference, 95%% CI and P(a beats b) per figure;",
            "                          P10 and P90 of the per-trial profit differences",
            "  monthly-<structure>.csv the monthly forecast of each structure",
            "  trials.csv              every trial of every structure",
            "  summary.json            all of the above, with plain-word sentences and the seed-figure check",
            "  scenario.resolved.yaml  the scenario as run, every default filled in (rerun it to reproduce)",
            "Structures come from the scenario's `structures:` and included files (scenarios/structures.yaml).",
            ""},
        footerHeading = "%n",
        footer = {"Examples:",
            "  interlock compare scenarios/saas.yaml",
            "  interlock compare scenarios/marketing-push.yaml --structures siloed,both_under_coo -o out/push-vs",
            "  interlock compare scenarios/saas.yaml --report      then open out/saas-compare/report.html"})
final class CompareCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--structures", paramLabel = "A,B,...", split = ",", hideParamSyntax = true,
            description = "Structures to compare, in order. Default: the scenario's `compare` list (all defined).")
    List<String> structures;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory. Default: out/<scenario file name>-compare.")
    Path output;

    @Option(names = "--report", description = "Also write report.html (ranking, side-by-side charts, paired "
            + "differences, policies; one self-contained page) and the charts as PNG and SVG under charts/.")
    boolean report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario sc = scenario.load(null);
        // "siloed, parallel" (a space after the comma, as people write lists) names siloed and parallel
        if (structures != null) {
            structures = structures.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
        List<String> names = structures != null ? new ArrayList<>(new LinkedHashSet<>(structures)) : sc.compare();
        List<Problem> problems = new ArrayList<>();
        if (structures != null && names.size() < structures.size()) {
            problems.add(new Problem("--structures", 0, 0, "", "expected each structure once, found "
                    + String.join(",", structures) + " (a structure compared with itself differs by exactly 0)"));
        }
        for (String n : names) {
            if (!sc.structures().containsKey(n)) {
                String near = Suggest.nearest(n, sc.structures().keySet());
                problems.add(new Problem("--structures", 0, 0, "", "unknown structure '" + n + "'"
                        + (near != null ? " (did you mean '" + near + "'?)" : "") + "; defined: "
                        + String.join(", ", sc.structures().keySet())));
            }
        }
        if (names.size() < 2 && problems.isEmpty()) {
            problems.add(structures != null
                    ? new Problem("--structures", 0, 0, "", "expected at least two structures to compare, found "
                            + names.size())
                    : new Problem(scenario.scenario.toString(), 0, 0, "", "expected at least two structures to "
                            + "compare, found " + (sc.compare().isEmpty() ? "none" : "only " + sc.compare().get(0))
                            + " (define more under structures:, or include: structures.yaml for the shipped five)"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        Path dir = output != null ? output : Path.of(RunCommand.defaultOutput(scenario.scenario) + "-compare");
        OutputDir.check(dir);
        Comparison c;
        try (ConsoleProgress progress = new ConsoleProgress("Comparing")) {
            Compare.ExtraFiles extra = !report ? Compare.ExtraFiles.NONE
                    : (out, result) -> CompareReport.write(out, result, InterlockTheme.standard());
            c = Compare.run(sc, names, new Simulation.Options(scenario.threads(), scenario.batch(), progress), dir,
                    extra);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, c, dir);
        if (report) {
            out.println("Report: " + dir.resolve("report.html") + " (charts as PNG and SVG in " + dir.resolve("charts")
                    + ")");
        }
        for (String note : ValidateCommand.notes(sc)) {
            out.println("Note: " + note);
        }
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Comparison c, Path dir) {
        Scenario sc = c.scenario();
        out.printf(Locale.ROOT, "%s — %d structures on the same %,d trials × %d months, seed %d (%.1f s)%n%n",
                sc.name(), c.structures().size(), c.run().trials(), sc.horizonMonths(), sc.seed(), c.run().seconds());
        // ranked by mean cumulative profit, so the mean is shown first
        out.printf(Locale.ROOT, "  %-4s %-16s %12s %28s %12s %10s %17s %13s %10s %10s%n", "rank", "structure",
                "profit mean", "cumulative profit P10/P50/P90", "P(profit>0)", "ARR P50", "peak backlog P50",
                "months short", "P(crunch)", "LTV/CAC P50");
        int rank = 1;
        for (String s : c.ranking()) {
            Stats st = c.stats(s);
            out.printf(Locale.ROOT, "  %-4d %-16s %12s %28s %12s %10s %17s %13s %10s %10s%n", rank++, s,
                    Human.compact(st.mean(Summary.CUMULATIVE_PROFIT)),
                    Human.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.1)) + " / "
                            + Human.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.5)) + " / "
                            + Human.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.9)),
                    Human.percent(st.exceedProbability(Summary.CUMULATIVE_PROFIT)),
                    Human.compact(st.quantile(Summary.ENDING_ARR, 0.5)),
                    Human.compact(st.quantile(Summary.PEAK_BACKLOG, 0.5)),
                    String.format(Locale.ROOT, "%.1f", st.mean(Summary.MONTHS_SHORT)),
                    Human.percent(st.mean(Summary.BACKLOG_OVER_ANY)),
                    Human.compact(st.quantile(Summary.LTV_TO_CAC, 0.5)));
        }
        out.println("  (P(profit>0): share of futures whose cumulative profit at the horizon is above 0; months short: "
                + "mean months with an onboarding gap; P(crunch): share of futures in which the onboarding backlog "
                + "exceeds its threshold in some month)");
        List<String> ranked = c.ranking();
        for (int i = 1; i < ranked.size(); i++) {
            String close = c.closeTo(i);
            if (close != null) {
                out.printf(Locale.ROOT, "  #%d %s is %s.%n", i + 1, ranked.get(i), close);
            }
        }
        out.println();
        String baseline = c.structures().contains("siloed") ? "siloed" : c.structures().get(0);
        Comparison.Figure profit = Comparison.FIGURES.get(0);
        out.println("Paired differences (trial by trial):");
        for (String s : ranked) {
            if (!s.equals(baseline)) {
                out.println("  " + c.sentence(s, baseline, profit) + ".");
            }
        }
        if (ranked.size() > 2 && !ranked.get(1).equals(baseline) && !ranked.get(0).equals(baseline)) {
            out.println("  " + c.sentence(ranked.get(0), ranked.get(1), profit) + ".");
        }
        String narrower = c.narrowingWords(Summary.CUMULATIVE_PROFIT);
        if (narrower != null) {
            out.printf(Locale.ROOT, "  Pairing makes these intervals %s narrower than comparing separate runs.%n",
                    narrower);
        }
        out.println("  " + Comparison.ASSUMPTIONS);
        if (c.run().trials() < 2) {
            out.println("  Note: with 1 trial there is no interval and no spread; compare with --trials 1000 or more "
                    + "for figures worth reading.");
        }
        out.println();
        out.println("Wrote " + dir + ": comparison.csv, pairs.csv, monthly-<structure>.csv, trials.csv, summary.json, "
                + "scenario.resolved.yaml");
        out.flush();
    }
}
