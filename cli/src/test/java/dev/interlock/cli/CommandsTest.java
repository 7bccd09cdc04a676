package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: output, files and exit codes. */
class CommandsTest {
    static String scenario(String name) {
        Path p = Path.of("..", "scenarios", name);
        return p.toString();
    }

    @Test
    void runWritesEveryFileAndPrintsASummary(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", scenario("plg.yaml"), "--trials", "1500", "--threads", "2", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cumulative profit", "P(cumulative profit > 0)", "Wrote " + out);
        for (String f : new String[] {"monthly.csv", "trials.csv", "summary.json", "scenario.resolved.yaml"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(1501);
    }

    @Test
    void rerunReplacesItsOwnOutputButNeverSomeoneElses(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertThat(Cli.run("run", scenario("plg.yaml"), "--trials", "200", "-o", out.toString()).code()).isZero();
        assertThat(Cli.run("run", scenario("plg.yaml"), "--trials", "300", "-o", out.toString()).code()).isZero();
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(301);
        Path foreign = tmp.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        Cli r = Cli.run("run", scenario("plg.yaml"), "--trials", "200", "-o", foreign.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("other files");
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("keep me");
        try (var s = Files.list(foreign)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void compareRanksStructuresWithStatedUncertainty(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", scenario("saas.yaml"), "--trials", "2000", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("rank", "siloed", "both_under_coo", "beats `siloed` on cumulative profit in",
                "95% CI of the mean [");
        assertThat(Files.readAllLines(out.resolve("comparison.csv"))).hasSize(6);
        assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(11);
    }

    @Test
    void compareReportLandsWithTheComparisonAndEmbedsItsCharts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", scenario("marketing-push.yaml"), "--trials", "1000", "--structures",
                "siloed,both_under_coo", "--report", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("reporting structures compared", "both_under_coo");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(1 + 5);
        assertThat(out.resolve("charts/compare-profit-difference.svg")).isNotEmptyFile();
    }

    @Test
    void sensitivityWritesATornadoLargestSwingFirst(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sens");
        Cli r = Cli.run("sensitivity", scenario("saas.yaml"), "--trials", "800", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        java.util.List<String> rows = Files.readAllLines(out.resolve("tornado.csv"));
        assertThat(rows.get(0)).startsWith("input,value_low,value_high,mean_at_low,mean_at_high,swing");
        // saas.yaml has more than five uncertain inputs and structure levers: a header alone must not pass
        assertThat(rows).hasSizeGreaterThan(6);
        double previous = Double.POSITIVE_INFINITY;
        for (String row : rows.subList(1, rows.size())) {
            double swing = Double.parseDouble(row.split(",")[5]);
            assertThat(swing).isLessThanOrEqualTo(previous);
            previous = swing;
        }
        assertThat(out.resolve("tornado.svg")).isNotEmptyFile();
        assertThat(Cli.run("sensitivity", scenario("saas.yaml"), "--figure", "cumulative_proft", "-o",
                tmp.resolve("x").toString()).err()).contains("did you mean 'cumulative_profit'");
    }

    @Test
    void unknownStructureGetsASuggestionAndExitCodeTwo(@TempDir Path tmp) {
        Cli r = Cli.run("compare", scenario("saas.yaml"), "--structures", "siloed,both_under_co", "-o",
                tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'both_under_coo'");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void badOptionValuesExitTwo(@TempDir Path tmp) {
        assertThat(Cli.run("run", scenario("saas.yaml"), "--trials", "0", "-o", tmp.resolve("x").toString()).code())
                .isEqualTo(2);
        assertThat(Cli.run("run", scenario("saas.yaml"), "--threads", "many").code()).isEqualTo(2);
        Cli batch = Cli.run("run", scenario("saas.yaml"), "--batch", "2147483647", "-o", tmp.resolve("b").toString());
        assertThat(batch.code()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch", "from 1 to 100,000,000", "found 2147483647");
        Cli structure = Cli.run("run", scenario("saas.yaml"), "--structure", "silod", "-o", tmp.resolve("y").toString());
        assertThat(structure.code()).isEqualTo(2);
        assertThat(structure.err()).contains("--structure: expected one of siloed", "(did you mean 'siloed'?)");
        assertThat(Cli.run("run", tmp.resolve("missing.yaml").toString()).err()).contains("no such file");
    }

    @Test
    void aDeviceWithNoEndIsRefusedNotReadIntoMemory(@TempDir Path tmp) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Cli scenario = Cli.run("validate", "/dev/zero");
        assertThat(scenario.code()).as(scenario.err()).isEqualTo(2);
        assertThat(scenario.err()).contains("/dev/zero", "expected a file of at most 1024 KiB, found more");
        Cli actuals = Cli.run("calibrate", "/dev/zero", "-o", tmp.resolve("c.yaml").toString());
        assertThat(actuals.code()).as(actuals.err()).isEqualTo(2);
        assertThat(actuals.err()).contains("/dev/zero", "at most 8 MiB, found more");
    }

    @Test
    void validateListsUncertainInputsAndWritesNothing(@TempDir Path tmp) throws Exception {
        // a copy under a name no other test uses: a run of it would write out/<name>/ and could write beside it
        String name = "validate-writes-nothing-" + ProcessHandle.current().pid();
        Path copy = tmp.resolve(name + ".yaml");
        Files.copy(Path.of(scenario("saas.yaml")), copy);
        Path included = tmp.resolve("structures.yaml");   // saas.yaml includes it from beside itself
        Files.copy(Path.of(scenario("structures.yaml")), included);
        Cli r = Cli.run("validate", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid", "funnel.win_rate", "policy.handoff_quality", "beta");
        assertThat(Path.of("out", name)).doesNotExist();
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactlyInAnyOrder(copy, included);
        }
    }

    @Test
    void validateNotesVisibilityThatCannotMatterWithoutHiring(@TempDir Path tmp) throws Exception {
        assertThat(Cli.run("validate", scenario("reference.yaml")).out()).doesNotContain("Note:");
        Path seeing = tmp.resolve("seeing.yaml");
        Files.writeString(seeing, Files.readString(Path.of(scenario("reference.yaml")))
                + "    forecast_visibility_months: 2\n");
        Cli r = Cli.run("validate", seeing.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Note: forecast_visibility_months is set for reference",
                "onboarding.hiring is not enabled");
        // saas.yaml hires, so its structures' visibility matters and nothing is noted
        assertThat(Cli.run("validate", scenario("saas.yaml")).out()).doesNotContain("Note:");
    }

    @Test
    void compareAndSensitivityRefuseWhatTheyCannotDoWithTheReason(@TempDir Path tmp) throws Exception {
        // reference.yaml defines one structure and writes every input as a fixed number but three
        Cli one = Cli.run("compare", scenario("reference.yaml"), "-o", tmp.resolve("c").toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("reference.yaml: expected at least two structures to compare, found only "
                + "reference", "include: structures.yaml");
        Cli twice = Cli.run("compare", scenario("saas.yaml"), "--structures", "siloed,siloed,parallel", "-o",
                tmp.resolve("d").toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("expected each structure once");
        Path fixed = tmp.resolve("fixed.yaml");
        Files.writeString(fixed, Files.readString(Path.of(scenario("reference.yaml")))
                .replaceAll("\\{dist: lognormal, median: 200, p90: 280\\}", "200")
                .replaceAll("\\{dist: beta, mean: (0\\.\\d+), sd: 0\\.0\\d\\}", "$1"));
        assertThat(Cli.run("validate", fixed.toString()).out()).contains("0 uncertain input(s)");
        Cli none = Cli.run("sensitivity", fixed.toString(), "-o", tmp.resolve("s").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("expected at least one uncertain input", "found none");
        assertThat(tmp.resolve("s")).doesNotExist();
    }

    @Test
    void aGrowthRateWrittenAsAPercentIsNotedOrNamedInTheError(@TempDir Path tmp) throws Exception {
        String reference = Files.readString(Path.of(scenario("reference.yaml")));
        Path shortRun = tmp.resolve("short.yaml");
        Files.writeString(shortRun, reference.replace("growth: 0.02 ", "growth: 3 ")
                .replace("horizon_months: 60 ", "horizon_months: 12 "));
        Cli r = Cli.run("run", shortRun.toString(), "--trials", "100", "-o", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Note: marketing.channels[paid].spend.growth is 3", "3 % a month is 0.03");
        Path longRun = tmp.resolve("long.yaml");
        Files.writeString(longRun, reference.replace("growth: 0.02 ", "growth: 3 "));
        Cli v = Cli.run("validate", longRun.toString());
        assertThat(v.code()).isEqualTo(2);
        assertThat(v.err()).contains("spend.growth", "growth is a share per month: 3 % a month is 0.03");
        Path cycle = tmp.resolve("cycle.yaml");
        Files.writeString(cycle, reference.replace("sales_cycle_months: [0.2, 0.3, 0.25, 0.15, 0.1]",
                "sales_cycle_months: 2"));
        Cli c = Cli.run("validate", cycle.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("funnel.sales_cycle_months: expected a list of shares", "[0, 0, 1] for 2");
    }

    @Test
    void helpTeachesWithExamplesAndExitCodes() {
        Cli r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("run", "compare", "validate", "Exit codes", "Example");
        assertThat(Cli.run("help", "compare").out()).contains("common random numbers", "Examples");
    }

    @Test
    void versionAndSummaryNameTheBuild(@TempDir Path tmp) throws Exception {
        Cli v = Cli.run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out().trim()).isEqualTo("interlock " + dev.interlock.engine.Version.describe());
        for (String command : new String[] {"run", "compare", "report", "sensitivity", "calibrate", "backtest",
                "validate"}) {
            Cli sub = Cli.run(command, "--version");
            assertThat(sub.code()).as(command).isZero();
            assertThat(sub.out().trim()).as(command).isEqualTo(v.out().trim());
        }
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", scenario("plg.yaml"), "--trials", "200", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json")))
                .contains("\"interlock_build\": \"" + dev.interlock.engine.Version.BUILD + "\"");
    }

    @Test
    void compareSaysWhatItsIntervalsMeasureAndTakesSpacesInTheStructureList(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", scenario("saas.yaml"), "--trials", "300", "--structures", "siloed, parallel",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(dev.interlock.engine.analyses.Comparison.ASSUMPTIONS,
                "`parallel` beats `siloed` on cumulative profit", "in 8 of 10 futures between",
                "95% CI of the mean [");
        assertThat(Files.readAllLines(out.resolve("pairs.csv")).get(1)).startsWith("siloed,parallel,");
    }

    @Test
    void compareOfOneTrialStatesNoIntervalAndLeavesItsCellsEmpty(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", scenario("saas.yaml"), "--trials", "1", "--structures", "siloed,both_under_coo",
                "--report", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no interval (it needs at least 2 trials)", "Note: with 1 trial there is no "
                + "interval").doesNotContain("CI [");
        java.util.List<String> rows = Files.readAllLines(out.resolve("pairs.csv"));
        java.util.List<String> header = java.util.List.of(rows.get(0).split(",", -1));
        assertThat(rows.get(1).split(",", -1)[header.indexOf("cumulative_profit_ci95_low")]).isEmpty();
        assertThat(Files.readString(out.resolve("report.html"))).contains("With 1 trial there is no interval");
    }

    @Test
    void aStructuresFileGivenToCompareIsNamedAsOneToInclude(@TempDir Path tmp) {
        Cli r = Cli.run("compare", scenario("structures.yaml"), "-o", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("this is a structures file", "include: structures.yaml")
                .doesNotContain("missing required key").doesNotContain("Exception");
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
        assertThat(r.err()).contains("1 problem;");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aStructureLeavingHandoffAtItsDefaultIsNotedByValidateRunAndCompare(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of(scenario("structures.yaml")), tmp.resolve("structures.yaml"));
        Path f = tmp.resolve("mine.yaml");
        Files.writeString(f, Files.readString(Path.of(scenario("saas.yaml")))
                + "\nstructures:\n  mine: {forecast_visibility_months: 2}\n  paced: {handoff_quality: 0.8}\n");
        String note = "Note: structure mine leaves handoff_quality and win_rate_multiplier at their defaults: "
                + "handoff_quality 1 means no lead is lost at the handoff from marketing to sales (the other "
                + "structures here assume 0.75–0.90)";
        Cli v = Cli.run("validate", f.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains(note, "win_rate_multiplier 1 means no lift").doesNotContain("structure paced")
                .doesNotContain("structure siloed");
        Cli run = Cli.run("run", f.toString(), "--trials", "200", "-o", tmp.resolve("r").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains(note);
        Cli cmp = Cli.run("compare", f.toString(), "--trials", "200", "--structures", "mine,siloed", "-o",
                tmp.resolve("c").toString());
        assertThat(cmp.code()).as(cmp.err()).isZero();
        assertThat(cmp.out()).contains(note);
    }
}
