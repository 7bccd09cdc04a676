package dev.interlock.cli;

import dev.interlock.charts.ChartContext;
import dev.interlock.charts.ChartWriter;
import dev.interlock.charts.Figure;
import dev.interlock.charts.InterlockTheme;
import dev.interlock.charts.TornadoChart;
import dev.interlock.engine.analyses.Sensitivity;
import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Fmt;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Suggest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Which uncertain inputs move a result most: a tornado chart.",
        description = {
            "",
            "Holds each uncertain input (every key written as a distribution) at its low and then its high",
            "quantile while everything else stays uncertain, all on the same futures, and reports the mean of",
            "a per-trial figure each way. Writes to DIR: tornado.csv (one row per input, largest swing first),",
            "tornado.png and tornado.svg.",
            ""},
        footerHeading = "%n",
        footer = {"Examples:",
            "  interlock sensitivity scenarios/saas.yaml",
            "  interlock sensitivity scenarios/marketing-push.yaml --figure peak_backlog --trials 5000"})
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--figure", paramLabel = "KEY", defaultValue = "cumulative_profit",
            description = "Per-trial figure to explain (a column of trials.csv). Default: ${DEFAULT-VALUE}.")
    String figure;

    @Option(names = "--low", paramLabel = "Q", defaultValue = "0.1",
            description = "Low quantile each input is held at. Default: ${DEFAULT-VALUE}.")
    double low;

    @Option(names = "--high", paramLabel = "Q", defaultValue = "0.9",
            description = "High quantile each input is held at. Default: ${DEFAULT-VALUE}.")
    double high;

    @Option(names = "--structure", paramLabel = "NAME", description = "Structure to run. Default: the scenario's.")
    String structure;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory. Default: out/<scenario file name>-sensitivity.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Summary f = Summary.byKey(figure);
        List<Problem> problems = new ArrayList<>();
        if (f == null) {
            List<String> keys = new ArrayList<>();
            for (Summary s : Summary.values()) {
                keys.add(s.key());
            }
            String near = Suggest.nearest(figure, keys);
            problems.add(new Problem("--figure", 0, 0, "", "unknown figure '" + figure + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "; expected one of " + String.join(", ", keys))));
        }
        if (!(low > 0 && low < high && high < 1)) {
            problems.add(new Problem("--low/--high", 0, 0, "", "expected 0 < low < high < 1, found " + low + " and " + high));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        Scenario sc = scenario.load(structure);
        if (dev.interlock.engine.model.CompiledModel.of(sc).inputs().uncertainCount() == 0) {
            throw new InputException(new Problem(scenario.scenario.toString(), 0, 0, "", "expected at least one "
                    + "uncertain input (a key written as a distribution, such as win_rate: {dist: beta, mean: 0.2, "
                    + "sd: 0.03}), found none: every input is a fixed number, so there is nothing to hold at P"
                    + Math.round(100 * low) + " and P" + Math.round(100 * high)));
        }
        Path dir = output != null ? output : Path.of(RunCommand.defaultOutput(scenario.scenario) + "-sensitivity");
        OutputDir.check(dir);
        Sensitivity.Tornado t;
        try (ConsoleProgress progress = new ConsoleProgress("Sensitivity")) {
            t = Sensitivity.run(sc, f, low, high, new Simulation.Options(scenario.threads(), scenario.batch(), progress));
        }
        try (OutputDir out = OutputDir.open(dir)) {
            Files.writeString(out.file("tornado.csv"), csv(t), StandardCharsets.UTF_8);
            InterlockTheme theme = InterlockTheme.standard().withSize(1400, 720);   // room for key paths
            Figure fig = new Figure("tornado", "tornado", TornadoChart.of(t, ChartContext.of(sc, t.trials()), theme));
            ChartWriter.Rendered r = ChartWriter.render(fig, theme);
            Files.write(out.file("tornado.png"), r.png());
            Files.writeString(out.file("tornado.svg"), r.svg(), StandardCharsets.UTF_8);
            out.commit();
        }
        print(spec.commandLine().getOut(), t, dir);
        return 0;
    }

    static String csv(Sensitivity.Tornado t) {
        // every row says what it explains and where the inputs were held, so the file stands on its own
        StringBuilder b = new StringBuilder("input,value_low,value_high,mean_at_low,mean_at_high,swing,swing_se,"
                + "base_mean,figure,low_quantile,high_quantile,trials_at_low,trials_at_high,within_noise,structure\n");
        for (Sensitivity.Bar bar : t.bars()) {
            b.append(Fmt.csv(bar.input())).append(',').append(Fmt.num(bar.lowValue())).append(',')
                    .append(Fmt.num(bar.highValue())).append(',').append(Fmt.num(bar.lowMean())).append(',')
                    .append(Fmt.num(bar.highMean())).append(',').append(Fmt.num(bar.swing())).append(',')
                    .append(Fmt.num(bar.swingSe())).append(',').append(Fmt.num(t.baseMean())).append(',')
                    .append(t.figure().key()).append(',').append(Fmt.num(t.lowLevel())).append(',')
                    .append(Fmt.num(t.highLevel())).append(',').append(bar.lowTrials()).append(',')
                    .append(bar.highTrials()).append(',').append(bar.withinNoise() ? 1 : 0).append(',')
                    .append(Fmt.csv(t.structure())).append('\n');
        }
        return b.toString();
    }

    static void print(PrintWriter out, Sensitivity.Tornado t, Path dir) {
        out.printf(Locale.ROOT, "%s — structure %s: what moves mean %s (%s with every input uncertain), %,d trials "
                + "per bar%n%n", t.scenario().name(), t.structure(), t.figure().key(), Words.compact(t.baseMean()),
                t.trials());
        int width = 40;
        for (Sensitivity.Bar b : t.bars()) {
            width = Math.max(width, b.input().length());
        }
        String row = "  %-" + width + "s %22s %12s %12s %16s%n";
        out.printf(Locale.ROOT, row, "input", "held at " + Words.percentile(t.lowLevel()) + " → "
                + Words.percentile(t.highLevel()), "mean at low", "mean at high", "swing ± 2 SE");
        int noise = 0;
        for (Sensitivity.Bar b : t.bars()) {
            noise += b.withinNoise() ? 1 : 0;
            out.printf(Locale.ROOT, row, b.input(),
                    Words.compact(b.lowValue()) + " → " + Words.compact(b.highValue()),
                    Words.compact(b.lowMean()), Words.compact(b.highMean()),
                    Words.compact(b.swing()) + " ± " + Words.compact(2 * b.swingSe()) + (b.withinNoise() ? " ~" : ""));
        }
        if (noise > 0) {
            out.printf(Locale.ROOT, "%n  ~ %d of %d swings are within two standard errors of zero: at %,d trials their "
                    + "order is not told apart from noise (more --trials narrows it).%n", noise, t.bars().size(),
                    t.trials());
        }
        out.println();
        out.println("Wrote " + dir + ": tornado.csv, tornado.png, tornado.svg");
        out.flush();
    }
}
