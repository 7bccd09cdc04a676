package dev.interlock.cli;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.analyses.Calibrate;
import dev.interlock.engine.analyses.Calibration;
import dev.interlock.engine.output.OutputFile;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Estimate scenario inputs, with their uncertainty, from actuals.",
        description = {
            "",
            "Reads ACTUALS, a CSV with a `month` column (YYYY-MM) and any of spend,",
            "leads, qualified, wins, closes, go_lives, churned, active_customers, mrr,",
            "revenue (spend and leads also per channel, as spend.CHANNEL), and writes a",
            "scenario in which every input the data support is a distribution whose",
            "spread is the estimate's uncertainty:",
            "  cost per lead per channel (a saturating curve where the spend range",
            "  allows); lead-to-qualified and win rates (Beta posteriors); the sales",
            "  cycle (--deals); churn, constant or shifted-beta-geometric (--cohorts);",
            "  deal size (mrr or revenue per active customer).",
            "With --scenario, the base scenario with those keys replaced; without, a",
            "skeleton with marked placeholders where the data say nothing. Prints what",
            "it estimated, from how many observations, and what it could not.",
            "The format and the methods: docs/actuals.md.",
            ""},
        footerHeading = "%n",
        footer = {"Examples (A=scenarios/actuals):",
            "  interlock calibrate $A/olist-funnel.csv --deals $A/olist-funnel.deals.csv \\",
            "      --scenario $A/olist-funnel.yaml -o out/olist.calibrated.yaml",
            "  interlock calibrate my-actuals.csv -o my-scenario.yaml"})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTUALS", description = "Monthly actuals (CSV).")
    Path actuals;

    @Mixin
    ActualsOptions tables;

    @Option(names = "--scenario", paramLabel = "BASE",
            description = "Base scenario whose estimable keys are replaced. Default: none (write a skeleton).")
    Path scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Scenario file to write. Default: out/<actuals file name>.calibrated.yaml. A file "
                    + "calibrate did not write is never replaced.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = output != null ? output : Path.of("out", stem(actuals) + ".calibrated.yaml");
        OutputFile.check(out, Calibrate.HEADER);
        Actuals a = tables.read(actuals);
        Scenario base = scenario == null ? null : ScenarioLoader.load(scenario);
        Calibration c = Calibrate.estimate(a, base);
        Calibrate.Written w = Calibrate.write(a, c, base, scenario == null ? null : scenario.toString());
        OutputFile.write(out, w.yaml(), Calibrate.HEADER);
        print(spec.commandLine().getOut(), a, c, w, scenario, tables.describe(), out);
        return 0;
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static void print(PrintWriter out, Actuals a, Calibration c, Calibrate.Written w, Path base, String tables,
                      Path file) {
        out.printf(Locale.ROOT, "Calibrated from %s (%d months, %s…%s)%s%s%n%n", a.file(), a.months(), a.first(),
                a.last(), tables, base != null ? ", on " + base : ", without a base scenario");
        out.println("Estimated (each distribution's spread is the estimate's uncertainty):");
        if (c.estimated().isEmpty()) {
            out.println("  nothing: the actuals hold none of the combinations listed below");
        }
        for (Calibration.Row r : c.estimated()) {
            out.printf(Locale.ROOT, "  %-44s %s%n  %-44s   from %s%n", r.key(), r.value(), "", r.from());
        }
        out.println();
        out.println("Not estimated" + (base != null ? " (kept from the base scenario):" : ":"));
        for (Calibration.Missing m : c.missing()) {
            out.printf(Locale.ROOT, "  %-44s %s%n", m.key(), m.reason());
        }
        if (!c.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            for (String n : c.notes()) {
                out.println("  - " + n);
            }
        }
        out.println();
        out.println("Wrote " + file + (w.placeholders().isEmpty() ? "" : " with " + w.placeholders().size()
                + " PLACEHOLDER keys to set: " + String.join(", ", w.placeholders())));
        out.flush();
    }
}
