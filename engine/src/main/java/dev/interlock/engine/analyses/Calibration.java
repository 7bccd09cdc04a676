package dev.interlock.engine.analyses;

import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What {@link Calibrate} estimated from actuals: scenario values (each a distribution whose spread is
 * the estimate's uncertainty), plus a readable account — what was estimated from how many observations,
 * what could not be, and why. A null value means "not estimated: keep the base scenario's".
 *
 * @param actuals       the actuals file
 * @param months        months of actuals used
 * @param firstMonth    the first, YYYY-MM
 * @param lastMonth     the last, YYYY-MM
 * @param responses     channel name → estimated response (linear cost per lead, or Hill)
 * @param dispersions   channel name → estimated negative-binomial dispersion
 * @param qualification {@code funnel.qualification_rate}, as the model needs it under the active structure
 * @param win           {@code funnel.win_rate}, likewise
 * @param salesCycle    {@code funnel.sales_cycle_months}: P(close 0, 1, … months after the win)
 * @param retention     churn model and parameters; its expansion rate is a placeholder the caller keeps
 *                      from the base scenario
 * @param acv           {@code revenue.acv}
 * @param estimated     one row per estimated key
 * @param missing       one row per key or group of keys that could not be estimated
 * @param notes         anything else the user should know (data quirks, choices made)
 */
public record Calibration(String actuals, int months, String firstMonth, String lastMonth,
                          Map<String, Scenario.Response> responses, Map<String, Double> dispersions,
                          Dist qualification, Dist win, double[] salesCycle, Scenario.Retention retention, Dist acv,
                          List<Row> estimated, List<Missing> missing, List<String> notes) {

    public Calibration {
        responses = Map.copyOf(responses);
        dispersions = Map.copyOf(dispersions);
        estimated = List.copyOf(estimated);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    /**
     * An estimated key. @param value the distribution written, in words; @param from the data it came from
     * and the method
     */
    public record Row(String key, String value, String from) {
    }

    /** A key (or group of keys) not estimated, and why. */
    public record Missing(String key, String reason) {
    }
}
