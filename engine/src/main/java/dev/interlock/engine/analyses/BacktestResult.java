package dev.interlock.engine.analyses;

import dev.interlock.engine.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * What a backtest produced: the score table, each origin's calibration and forecast months, and the fan
 * data of the first origin.
 *
 * @param scenario   the base scenario
 * @param actuals    the actuals file
 * @param trials     trials per forecast
 * @param seed       the seed of every forecast
 * @param trainMonths months of the first training window
 * @param horizon    months forecast from each origin (fewer at the end of the data)
 * @param rolling    whether origins rolled forward
 * @param inputs     channel → how its inputs were set: "spend" (actual spend given), "leads" (actual leads
 *                   given), or "plan" (the scenario's own spend plan)
 * @param metrics    the metrics scored
 * @param scores     one row per metric and method, model first
 * @param origins    every origin, in order
 * @param fan        the first origin's forecast of every scored metric, every simulated month
 * @param notes      what the user should know to read the scores
 * @param seconds    wall time of calibration and simulation
 */
public record BacktestResult(Scenario scenario, String actuals, int trials, long seed, int trainMonths, int horizon,
                             boolean rolling, Map<String, String> inputs, List<String> metrics, List<ScoreRow> scores,
                             List<Origin> origins, List<FanPoint> fan, List<String> notes, double seconds) {

    public BacktestResult {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        metrics = List.copyOf(metrics);
        scores = List.copyOf(scores);
        origins = List.copyOf(origins);
        fan = List.copyOf(fan);
        notes = List.copyOf(notes);
    }

    /**
     * Mean scores of one method on one metric ({@code ScoreTally.NAMES} order: mae, mape, smape, mase, crps,
     * pinball_p10/p50/p90, coverage_50/80/90), averaged over origins; NaN where undefined.
     */
    public record ScoreRow(String metric, String method, int origins, int cells, double[] values) {
        public ScoreRow {
            values = values.clone();
        }

        public double value(String score) {
            for (int i = 0; i < ScoreTally.NAMES.length; i++) {
                if (ScoreTally.NAMES[i].equals(score)) {
                    return values[i];
                }
            }
            throw new IllegalArgumentException(score);
        }
    }

    /** Score names in {@link ScoreRow#values()} order. */
    public static List<String> scoreNames() {
        return List.of(ScoreTally.NAMES);
    }

    /** One origin: trained on months before {@code month}, forecasting from it. */
    public record Origin(String month, int trainMonths, Calibration calibration, List<Cell> cells) {
        public Origin {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One forecast month of one metric: the actual, the model's mean and quantiles (at
     * {@code Stats.LEVELS}), and each baseline's point forecast (NaN where unavailable).
     */
    public record Cell(String metric, String month, int step, double actual, double mean, double[] quantiles,
                       Map<String, Double> baselines) {
        public Cell {
            quantiles = quantiles.clone();
            baselines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(baselines));
        }
    }

    /** One simulated month of the first origin's forecast, with the actual when there is one. */
    public record FanPoint(String metric, String month, boolean forecast, double actual, double mean,
                           double[] quantiles) {
        public FanPoint {
            quantiles = quantiles.clone();
        }
    }
}
