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
}
