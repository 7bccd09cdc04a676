package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extreme but valid inputs give finite, sensible output files: never NaN, Infinity or a negative
 * count; undefined figures (CAC with no customer) are empty cells.
 */
class NumericalEdgesTest {
    static String base(int horizon, String spend, String cpl, String rates, String retention) {
        return TestScenarios.unlimited(horizon, spend, "[0.5, 0.5]", retention, "churn_while_waiting: 0.1")
                .replace("cost_per_lead: 250", "cost_per_lead: " + cpl)
                .replace("qualification_rate: 0.4\n  win_rate: 0.25", rates)
                .replace("trials: 4000", "trials: 300")
                .replace("staff: 1000", "staff: 3").replace("customers_per_staff_month: 1000",
                        "customers_per_staff_month: 5");
    }

    static final String RATES = "qualification_rate: 0.4\n  win_rate: 0.25";
    static final String CONST = "{model: constant, monthly_churn: 0.03}";

    static Stream<Arguments> edges() {
        return Stream.of(
                Arguments.of("spend 0", base(24, "{base: 0}", "250", RATES, CONST)),
                Arguments.of("spend 1e12 a month", base(12, "{base: 1e12}", "250", RATES, CONST)),
                Arguments.of("a million leads a month", base(24, "{base: 250000000}", "250", RATES, CONST)),
                Arguments.of("probabilities 0", base(12, "{base: 50000}", "250",
                        "qualification_rate: 0\n  win_rate: 0", "{model: constant, monthly_churn: 0}")),
                Arguments.of("probabilities 1", base(12, "{base: 50000}", "250",
                        "qualification_rate: 1\n  win_rate: 1", "{model: constant, monthly_churn: 1}")),
                Arguments.of("horizon 1", base(1, "{base: 50000}", "250", RATES, CONST)),
                Arguments.of("horizon 600", base(600, "{base: 50000}", "250", RATES, CONST)),
                Arguments.of("sBG alpha and beta near 0", base(36, "{base: 50000}", "250", RATES,
                        "{model: sbg, alpha: 0.000001, beta: 0.000001}")),
                Arguments.of("sBG alpha and beta very large", base(36, "{base: 50000}", "250", RATES,
                        "{model: sbg, alpha: 1000000, beta: 1000000}")),
                Arguments.of("sBG alpha large, beta tiny", base(36, "{base: 50000}", "250", RATES,
                        "{model: sbg, alpha: 1000000, beta: 0.000001}")),
                Arguments.of("tiny cost per lead", base(12, "{base: 1000}", "0.000001", RATES, CONST)),
                Arguments.of("huge cost per lead", base(12, "{base: 1000}", "1e15", RATES, CONST)),
                // 2 × 10^12 leads a month that nobody works and that never go cold, for 600 months: without a cap
                // the queue passed the samplers' 10^15 (an internal error)
                Arguments.of("a queue that grows for 600 months", base(600, "{base: 1000000}", "0.000001",
                        "qualification_rate: 1\n  win_rate: 0.25", CONST)
                        .replace("unworked_decay: 0.3", "unworked_decay: 0").replace("trials: 300", "trials: 20")
                        .replace("      response: {type: linear, cost_per_lead: 0.000001}\n",
                                "      response: {type: linear, cost_per_lead: 0.000001}\n    - name: paid2\n"
                                        + "      spend: {base: 1000000}\n"
                                        + "      response: {type: linear, cost_per_lead: 0.000001}\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void extremeInputsGiveFiniteNonNegativeOutput(String name, String yaml, @TempDir Path tmp) throws Exception {
        // every case lies inside the ranges docs/scenario-reference.md allows, so it must be accepted and run:
        // an InputException here fails the test
        Scenario s = TestScenarios.parse(yaml);
        Path out = tmp.resolve("out");
        Simulation.run(s, new Simulation.Options(2, 1000, Progress.NONE), out);
        for (String f : List.of("monthly.csv", "trials.csv", "summary.json")) {
            String text = Files.readString(out.resolve(f));
            assertThat(text).as(f).doesNotContainIgnoringCase("nan").doesNotContainIgnoringCase("infinity");
        }
        List<String> monthly = Files.readAllLines(out.resolve("monthly.csv"));
        for (String row : monthly.subList(1, monthly.size())) {
            String[] c = row.split(",", -1);
            Metric m = Metric.byKey(c[0]);
            if (m.integer() && m != Metric.SALES_GAP && m != Metric.ONBOARDING_GAP) {
                for (int i = 4; i <= 14; i++) {
                    assertThat(Double.parseDouble(c[i])).as("%s column %d: %s", m.key(), i, row).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
