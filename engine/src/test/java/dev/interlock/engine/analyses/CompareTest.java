package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.stats.Stats;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: common random numbers, and policies that act through the simulated feedback. */
class CompareTest {
    static final Simulation.Options OPTIONS = new Simulation.Options(2, 1000, Progress.NONE);

    /** A shipped scenario with extra structures appended under `structures:` (the file includes the shipped five). */
    static Scenario withStructures(String file, String structuresYaml, int trials, @TempDir Path dir) throws Exception {
        Path src = TestScenarios.shipped(file);
        String text = Files.readString(src, StandardCharsets.UTF_8) + "\nstructures:\n" + structuresYaml;
        Files.copy(TestScenarios.shipped("structures.yaml"), dir.resolve("structures.yaml"));
        Path f = dir.resolve(file);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Scenario s = ScenarioLoader.load(f);
        return s.with(s.seed(), trials, s.structure());
    }

    @Test
    void pairedIntervalIsAtLeastThreeTimesNarrowerThanUnpaired() throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Comparison c = Compare.run(s.with(s.seed(), 3000, s.structure()), List.of("siloed", "both_under_coo"), OPTIONS);
        Comparison.Pair p = c.pair("both_under_coo", "siloed", Summary.CUMULATIVE_PROFIT);
        assertThat(p.n()).isEqualTo(3000);
        assertThat(p.narrowing()).as("unpaired half-width %.0f vs paired %.0f", p.unpairedHalfWidth(),
                p.pairedHalfWidth()).isGreaterThanOrEqualTo(3.0);
        // the unpaired half-width is computed from the same trials' per-structure sd
        Stats a = c.stats("both_under_coo");
        Stats b = c.stats("siloed");
        double unpaired = Comparison.Z95 * Math.sqrt((Math.pow(a.sd(Summary.CUMULATIVE_PROFIT), 2)
                + Math.pow(b.sd(Summary.CUMULATIVE_PROFIT), 2)) / 3000);
        assertThat(p.unpairedHalfWidth()).isCloseTo(unpaired, org.assertj.core.data.Offset.offset(1e-6 * unpaired));
    }

    @Test
    void structureIdenticalButForNameDiffersByExactlyZeroInEveryTrial(@TempDir Path dir) throws Exception {
        Scenario s = withStructures("saas.yaml", """
                  twin:
                    description: a copy of siloed under another name
                    handoff_quality: {dist: beta, mean: 0.75, sd: 0.05}
                    win_rate_multiplier: 1.0
                    forecast_visibility_months: 0
                    review_cadence_months: 3
                    spend_pacing: false
                    overhead_per_month: 0
                """, 2000, dir);
        Comparison c = Compare.run(s, List.of("siloed", "twin", "both_under_coo"), OPTIONS);
        for (Comparison.Figure f : Comparison.FIGURES) {
            Comparison.Pair p = c.pair("siloed", "twin", f.summary());
            assertThat(p.maxAbsDiff()).as(f.label()).isZero();
            assertThat(p.pTie()).as(f.label()).isEqualTo(1.0);
        }
        assertThat(c.pair("siloed", "both_under_coo", Summary.CUMULATIVE_PROFIT).maxAbsDiff()).isPositive();
    }

    static void assertLower(Stats better, Stats worse, Summary f) {
        double se = Math.sqrt((Math.pow(better.sd(f), 2) + Math.pow(worse.sd(f), 2)) / better.count(f));
        assertThat(better.mean(f)).as("%s: %.3f vs %.3f (se %.3f)", f.key(), better.mean(f), worse.mean(f), se)
                .isLessThan(worse.mean(f) - 4 * se);
    }

    @Test
    void moreForecastVisibilityLowersPeakBacklogInAMarketingPush(@TempDir Path dir) throws Exception {
        Scenario s = withStructures("marketing-push.yaml", """
                  blind: {forecast_visibility_months: 0, review_cadence_months: 1}
                  sighted: {forecast_visibility_months: 4, review_cadence_months: 1}
                """, 2000, dir);
        Comparison c = Compare.run(s, List.of("blind", "sighted"), OPTIONS);
        assertLower(c.stats("sighted"), c.stats("blind"), Summary.PEAK_BACKLOG);
        Comparison.Pair p = c.pair("sighted", "blind", Summary.PEAK_BACKLOG);
        assertThat(p.ciHigh()).isNegative();
        // only through operations' hiring: marketing and sales see the same futures
        assertThat(c.stats("sighted").mean(Summary.TOTAL_WINS)).isEqualTo(c.stats("blind").mean(Summary.TOTAL_WINS));
        assertThat(c.stats("sighted").sd(Summary.TOTAL_WINS)).isEqualTo(c.stats("blind").sd(Summary.TOTAL_WINS));
    }

    @Test
    void aStructureThatHiresFasterLowersPeakBacklogOnlyThroughHiring(@TempDir Path dir) throws Exception {
        // marketing-push.yaml hires with a 3-month lead time; "quick" overrides it, "slow" keeps the scenario's
        Scenario s = withStructures("marketing-push.yaml", """
                  slow: {forecast_visibility_months: 1, review_cadence_months: 1}
                  quick: {forecast_visibility_months: 1, review_cadence_months: 1, hire_lead_time_months: 0}
                """, 2000, dir);
        assertThat(s.structures().get("slow").leadTimeMonths(s.onboarding().hiring())).isEqualTo(3);
        assertThat(s.structures().get("quick").leadTimeMonths(s.onboarding().hiring())).isZero();
        Comparison c = Compare.run(s, List.of("slow", "quick"), OPTIONS);
        assertLower(c.stats("quick"), c.stats("slow"), Summary.PEAK_BACKLOG);
        assertThat(c.pair("quick", "slow", Summary.PEAK_BACKLOG).ciHigh()).isNegative();
        assertThat(c.stats("quick").mean(Summary.TOTAL_WINS)).isEqualTo(c.stats("slow").mean(Summary.TOTAL_WINS));
    }

    @Test
    void spendPacingLowersUnworkedLeadsAndSpend(@TempDir Path dir) throws Exception {
        Scenario s = withStructures("marketing-push.yaml", """
                  free: {spend_pacing: false}
                  paced: {spend_pacing: {unworked_threshold: 100, hold_factor: 0.5}}
                """, 2000, dir);
        Comparison c = Compare.run(s, List.of("free", "paced"), OPTIONS);
        assertLower(c.stats("paced"), c.stats("free"), Summary.TOTAL_SPEND);
        assertLower(c.stats("paced"), c.stats("free"), Summary.PEAK_UNWORKED);
    }

    @Test
    void betterHandoffRaisesWins(@TempDir Path dir) throws Exception {
        Scenario s = withStructures("saas.yaml", """
                  loose: {handoff_quality: 0.7}
                  tight: {handoff_quality: 0.9}
                """, 2000, dir);
        Comparison c = Compare.run(s, List.of("loose", "tight"), OPTIONS);
        assertLower(c.stats("loose"), c.stats("tight"), Summary.TOTAL_WINS);
        assertThat(c.pair("tight", "loose", Summary.CUMULATIVE_PROFIT).pABetter()).isGreaterThan(0.5);
    }

    @Test
    void theCrunchIsComparedAsTheShareOfFuturesWithOne() throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Comparison c = Compare.run(s.with(s.seed(), 1000, s.structure()), List.of("siloed", "parallel"), OPTIONS);
        Comparison.Figure crunch = Comparison.FIGURES.stream().filter(f -> f.summary() == Summary.BACKLOG_OVER_ANY)
                .findFirst().orElseThrow();
        Comparison.Pair p = c.pair("parallel", "siloed", Summary.BACKLOG_OVER_ANY);
        double onlySiloed = p.pABetter();
        double onlyParallel = 1 - p.pABetter() - p.pTie();
        double siloed = c.stats("siloed").mean(Summary.BACKLOG_OVER_ANY);
        double parallel = c.stats("parallel").mean(Summary.BACKLOG_OVER_ANY);
        assertThat(siloed).isGreaterThan(parallel);
        // for a yes/no figure on the same futures: the difference of shares is the difference of the one-sided shares
        assertThat(siloed - parallel).isCloseTo(onlySiloed - onlyParallel, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.sentence("siloed", "parallel", crunch)).isEqualTo("`parallel` has a crunch (onboarding backlog "
                + "over its threshold in some month) in " + Comparison.pct(parallel) + " of futures, `siloed` in "
                + Comparison.pct(siloed) + "; only `siloed` has one in " + Comparison.pct(onlySiloed)
                + " of futures, only `parallel` in " + Comparison.pct(onlyParallel));
    }

    @Test
    void aFigureUndefinedInEveryTrialIsSaidSoNotOrientedForever(@TempDir Path dir) throws Exception {
        // no deal is ever won: CAC is undefined in every trial (its mean difference NaN), revenue never grows
        String yaml = TestScenarios.unlimited(12, "{base: 1000}", "[1]", "{model: constant, monthly_churn: 0.02}", "")
                .replace("win_rate: 0.25", "win_rate: 0")
                .replace("  s: {handoff_quality: 0.9}", "  siloed: {handoff_quality: 0.75}\n  parallel: {handoff_quality: 0.9}");
        assertThat(yaml).contains("win_rate: 0\n", "siloed:");
        Scenario s = TestScenarios.parse(yaml);
        Path out = dir.resolve("cmp");
        Comparison c = Compare.run(s.with(s.seed(), 200, s.structure()), List.of("siloed", "parallel"), OPTIONS, out);
        Comparison.Figure cac = Comparison.FIGURES.stream().filter(f -> f.summary() == Summary.CAC).findFirst().orElseThrow();
        assertThat(c.sentence("siloed", "parallel", cac)).isEqualTo(
                "`siloed` and `parallel` cannot be compared on " + cac.label() + ": it is undefined in every trial");
        assertThat(c.relativeGain("parallel", "siloed", Summary.REVENUE_GROWTH)).isNaN();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"revenue_growth_vs_siloed\": null");
    }

    @Test
    void compareWritesOneRowPerStructureAndPerPair(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Path out = dir.resolve("cmp");
        Compare.run(s.with(s.seed(), 1000, s.structure()), s.compare(), OPTIONS, out);
        List<String> rows = Files.readAllLines(out.resolve("comparison.csv"));
        assertThat(rows).hasSize(1 + 5);
        assertThat(rows.get(0)).startsWith("rank,structure,cumulative_profit_mean");
        int columns = rows.get(0).split(",", -1).length;
        for (String r : rows) {
            assertThat(r.split(",", -1)).hasSize(columns);
        }
        assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(1 + 10);
        for (String name : s.compare()) {
            assertThat(out.resolve("monthly-" + name + ".csv")).exists();
        }
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(1 + 5 * 1000);
        assertThat(Files.readString(out.resolve("summary.json"))).contains("seed_figure_check");
    }

    @Test
    void theResolvedScenarioOfAComparisonOfSomeStructuresComparesTheSameOnes(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        assertThat(s.compare()).hasSize(5);
        Path out = dir.resolve("cmp");
        Compare.run(s.with(s.seed(), 1000, s.structure()), List.of("parallel", "siloed"), OPTIONS, out);
        Scenario again = ScenarioLoader.load(out.resolve("scenario.resolved.yaml"));
        assertThat(again.compare()).containsExactly("parallel", "siloed");
        assertThat(again.structures()).hasSize(5);   // every structure is still defined, only the choice is recorded
        Path rerun = dir.resolve("again");
        Compare.run(again, again.compare(), OPTIONS, rerun);
        for (String f : List.of("comparison.csv", "pairs.csv", "trials.csv", "summary.json", "scenario.resolved.yaml")) {
            assertThat(Files.readString(rerun.resolve(f))).as(f).isEqualTo(Files.readString(out.resolve(f)));
        }
    }

    /** Trial i's cumulative profit per structure, from trials.csv (columns trial from 0, structure, figures...). */
    static java.util.Map<String, double[]> profits(Path trialsCsv, int trials) throws Exception {
        List<String> rows = Files.readAllLines(trialsCsv);
        List<String> header = List.of(rows.get(0).split(","));
        int col = header.indexOf("cumulative_profit");
        java.util.Map<String, double[]> out = new java.util.HashMap<>();
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");
            out.computeIfAbsent(f[1], k -> new double[trials])[Integer.parseInt(f[0])] = Double.parseDouble(f[col]);
        }
        return out;
    }

    @Test
    void pairsCsvStatesTheP10AndP90OfTheTrialByTrialProfitDifferences(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Path out = dir.resolve("cmp");
        Comparison c = Compare.run(s.with(s.seed(), 1000, s.structure()), List.of("siloed", "both_under_coo"),
                OPTIONS, out);
        java.util.Map<String, double[]> profit = profits(out.resolve("trials.csv"), 1000);
        double[] d = new double[1000];
        for (int i = 0; i < 1000; i++) {
            d[i] = profit.get("siloed")[i] - profit.get("both_under_coo")[i];
        }
        java.util.Arrays.sort(d);
        List<String> rows = Files.readAllLines(out.resolve("pairs.csv"));
        List<String> header = List.of(rows.get(0).split(",", -1));
        String[] row = rows.get(1).split(",", -1);
        double p10 = Double.parseDouble(row[header.indexOf("cumulative_profit_diff_p10")]);
        double p90 = Double.parseDouble(row[header.indexOf("cumulative_profit_diff_p90")]);
        // the sample values of rank ⌊q·(n − 1)⌋, as every quantile Interlock reports (trials.csv rounds to 4 places)
        assertThat(p10).isCloseTo(d[99], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(p90).isCloseTo(d[899], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(p10).isLessThan(p90);
        // the sentence, oriented better-first, states the same range the other way round
        Comparison.Pair flipped = c.pair("both_under_coo", "siloed", Summary.CUMULATIVE_PROFIT);
        assertThat(flipped.diffP10()).isEqualTo(-c.pair("siloed", "both_under_coo", Summary.CUMULATIVE_PROFIT).diffP90());
        assertThat(c.sentence("both_under_coo", "siloed", Comparison.FIGURES.get(0)))
                .contains("in 8 of 10 futures between " + Comparison.signed(flipped.diffP10()) + " and "
                        + Comparison.signed(flipped.diffP90()));
    }

    @Test
    void pastTheExactLimitTheSpreadComesFromTheSketchWithinItsAccuracy() throws Exception {
        int trials = 3000;
        Compare.PairAccumulator exact = new Compare.PairAccumulator(3);
        Compare.PairAccumulator sketched = new Compare.PairAccumulator(3, 500);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        int col = Summary.CUMULATIVE_PROFIT.ordinal();
        for (int first = 0; first < trials; first += 700) {
            int count = Math.min(700, trials - first);
            double[][] block = new double[3][count * Summary.COUNT];
            for (int i = 0; i < count; i++) {
                double market = rng.nextGaussian() * 3e6;
                block[0][i * Summary.COUNT + col] = market + 1e6 + rng.nextGaussian() * 4e5;
                block[1][i * Summary.COUNT + col] = market + rng.nextGaussian() * 4e5;
                block[2][i * Summary.COUNT + col] = market - 2e5 + rng.nextGaussian() * 1e5;
            }
            exact.accept(first, count, block);
            sketched.accept(first, count, block);
        }
        assertThat(exact.profit).as("kept exactly below the limit").isNotNull();
        assertThat(sketched.profit).as("dropped past the limit").isNull();
        for (int p = 0; p < 3; p++) {
            double[] e = exact.spread(p);
            double[] k = sketched.spread(p);
            for (int q = 0; q < 2; q++) {
                assertThat(k[q]).as("pair %d, quantile %d", p, q)
                        .isCloseTo(e[q], org.assertj.core.data.Offset.offset(0.0051 * Math.abs(e[q])));
            }
        }
    }

    @Test
    void oneTrialGivesNoIntervalAndSaysSo(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Path out = dir.resolve("cmp");
        Comparison c = Compare.run(s.with(s.seed(), 1, s.structure()), List.of("siloed", "both_under_coo"), OPTIONS,
                out);
        Comparison.Pair p = c.pair("both_under_coo", "siloed", Summary.CUMULATIVE_PROFIT);
        assertThat(p.ciLow()).isNaN();
        assertThat(p.ciHigh()).isNaN();
        String sentence = c.sentence("both_under_coo", "siloed", Comparison.FIGURES.get(0));
        assertThat(sentence).contains("no interval (it needs at least 2 trials)").doesNotContain("CI")
                .doesNotContain("8 of 10");
        List<String> rows = Files.readAllLines(out.resolve("pairs.csv"));
        List<String> header = List.of(rows.get(0).split(",", -1));
        String[] row = rows.get(1).split(",", -1);
        assertThat(row).hasSize(header.size());
        assertThat(row[header.indexOf("cumulative_profit_ci95_low")]).isEmpty();
        assertThat(row[header.indexOf("cumulative_profit_ci95_high")]).isEmpty();
        assertThat(row[header.indexOf("cumulative_profit_diff_mean")]).isNotEmpty();
        // two trials are enough for mean ± 1.96·sd/√n
        Comparison two = Compare.run(s.with(s.seed(), 2, s.structure()), List.of("siloed", "both_under_coo"), OPTIONS);
        Comparison.Pair q = two.pair("both_under_coo", "siloed", Summary.CUMULATIVE_PROFIT);
        assertThat(q.ciHigh() - q.meanDiff()).isCloseTo(Comparison.Z95 * q.sdDiff() / Math.sqrt(2),
                org.assertj.core.data.Offset.offset(1e-6 * Math.abs(q.sdDiff())));
    }

    @Test
    void aStructureThatOftenBeatsTheOneRankedAboveItIsMarkedClose(@TempDir Path dir) throws Exception {
        // differs from cmo_under_cro only in reviewing every 2 months: close on profit, either way by future
        Scenario s = withStructures("saas.yaml", """
                  far: {handoff_quality: {dist: beta, mean: 0.90, sd: 0.03}, win_rate_multiplier: 1.08,
                        forecast_visibility_months: 2, review_cadence_months: 2,
                        spend_pacing: {unworked_threshold: 150, hold_factor: 0.6}, overhead_per_month: 12000}
                  twin: {handoff_quality: {dist: beta, mean: 0.75, sd: 0.05}, win_rate_multiplier: 1.0,
                         forecast_visibility_months: 0, review_cadence_months: 3, spend_pacing: false,
                         overhead_per_month: 0}
                """, 2000, dir);
        Comparison c = Compare.run(s, List.of("cmo_under_cro", "far", "siloed", "twin"), OPTIONS);
        List<String> r = c.ranking();
        assertThat(r.subList(0, 2)).containsExactlyInAnyOrder("cmo_under_cro", "far");
        double share = c.pair(r.get(1), r.get(0), Summary.CUMULATIVE_PROFIT).pABetter();
        assertThat(share).isGreaterThanOrEqualTo(Comparison.NEAR_TIE).isLessThan(0.6);
        assertThat(c.closeTo(1)).isEqualTo("close to #1: better in " + Comparison.pct(share) + " of futures");
        // the shipped chain is far ahead of siloed: no mark
        assertThat(c.closeTo(2)).isNull();
        assertThat(c.closeTo(3)).isEqualTo("identical to #3 in every future");
    }
}
