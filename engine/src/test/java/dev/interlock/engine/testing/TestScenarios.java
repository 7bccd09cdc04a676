package dev.interlock.engine.testing;

import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small scenarios written inline for tests, and the path of the shipped ones. */
public final class TestScenarios {
    private TestScenarios() {
    }

    public static Scenario parse(String yaml) {
        return ScenarioLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), null, KeyRecorder.NONE);
    }

    /** The repository's scenarios/ directory, found from the module's working directory. */
    public static Path shipped(String name) {
        Path p = Path.of("..", "scenarios", name);
        if (!p.toFile().exists()) {
            p = Path.of("scenarios", name);
        }
        return p;
    }

    /**
     * A one-channel scenario with linear response, fixed rates and capacities so large they never bind:
     * every stage's mean has a closed form. Placeholders: %SPEND% (spend block), %RETENTION% (block),
     * %ONBOARDING% (extra onboarding keys), %CYCLE% (sales_cycle_months list), %HORIZON%.
     */
    public static String unlimited() {
        return """
                name: unlimited
                seed: 99
                trials: 4000
                horizon_months: %HORIZON%
                marketing:
                  channels:
                    - name: paid
                      spend: %SPEND%
                      carryover: 0.4
                      response: {type: linear, cost_per_lead: 250}
                funnel:
                  qualification_rate: 0.4
                  win_rate: 0.25
                  unworked_decay: 0.3
                  sales_cycle_months: %CYCLE%
                sales:
                  reps: 1000
                  leads_per_rep_month: 1000
                onboarding:
                  staff: 1000
                  customers_per_staff_month: 1000
                  %ONBOARDING%
                retention: %RETENTION%
                revenue: {acv: 12000}
                finance: {gross_margin: 0.8}
                structures:
                  s: {handoff_quality: 0.9}
                """;
    }

    public static String unlimited(int horizon, String spend, String cycle, String retention, String onboarding) {
        return unlimited().replace("%HORIZON%", Integer.toString(horizon)).replace("%SPEND%", spend)
                .replace("%CYCLE%", cycle).replace("%RETENTION%", retention).replace("%ONBOARDING%", onboarding);
    }
}
