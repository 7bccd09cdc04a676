package dev.interlock.engine.output;

import dev.interlock.engine.Version;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Quantiles;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: what was run (scenario, structure, seed, trials, version and build), every per-trial
 * summary figure's distribution, and the month-by-month capacity risks. Holds no timing or thread
 * count, so the same seed gives the same bytes on any machine.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static Map<String, Object> header(Scenario sc, long trials) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("interlock_version", Version.VERSION);
        root.put("interlock_build", Version.BUILD);
        root.put("scenario", sc.name());
        root.put("seed", sc.seed());
        root.put("trials", trials);
        root.put("horizon_months", sc.horizonMonths());
        root.put("start_month", sc.startMonth());
        root.put("currency", sc.currency());
        root.put("quantile_relative_accuracy", Quantiles.RELATIVE_ACCURACY);
        return root;
    }

    /** Every summary figure's statistics; money units name {@code currency} ({@code USD/customer}), as monthly.csv's. */
    public static Map<String, Object> figures(Stats s, String currency) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Summary k : Summary.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("unit", Words.unit(k.unit(), currency));
            f.put("meaning", k.meaning());
            f.put("trials_defined", s.count(k));
            f.put("mean", s.mean(k));
            f.put("sd", s.sd(k));
            for (int i = 0; i < Stats.LEVELS.length; i++) {
                f.put(Stats.LEVEL_NAMES[i], s.quantile(k, Stats.LEVELS[i]));
            }
            f.put("min", s.min(k));
            f.put("max", s.max(k));
            figures.put(k.key(), f);
        }
        return figures;
    }

    public static Map<String, Object> risks(Stats s) {
        Map<String, Object> risks = new LinkedHashMap<>();
        risks.put("p_cumulative_profit_positive", s.exceedProbability(Summary.CUMULATIVE_PROFIT));
        risks.put("backlog_threshold", s.exceedThreshold(Metric.BACKLOG));
        risks.put("p_onboarding_short_by_month", series(s, Metric.ONBOARDING_GAP));
        risks.put("p_backlog_over_threshold_by_month", series(s, Metric.BACKLOG));
        risks.put("p_sales_short_by_month", series(s, Metric.SALES_GAP));
        return risks;
    }

    private static List<Object> series(Stats s, Metric m) {
        List<Object> out = new ArrayList<>();
        for (int t = 0; t < s.horizon(); t++) {
            out.add(s.exceedProbability(m, t));
        }
        return out;
    }

    public static String write(Scenario sc, Stats s, List<String> inputs) {
        Map<String, Object> root = header(sc, s.trials());
        root.put("structure", s.structure());
        root.put("uncertain_inputs", new ArrayList<Object>(inputs));
        root.put("summary", figures(s, sc.currency()));
        root.put("risks", risks(s));
        return Json.write(root);
    }
}
