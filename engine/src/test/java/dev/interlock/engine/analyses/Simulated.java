package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.CohortTable;
import dev.interlock.engine.actuals.DealTable;
import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.dist.LogNormal;
import dev.interlock.engine.random.Draws;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;

/** Data simulated with known parameters, for checking the estimators. */
final class Simulated {
    static final YearMonth START = YearMonth.of(2024, 1);
    /** Φ⁻¹(0.975). */
    static final double Z95 = 1.959963984540054;

    private Simulated() {
    }

    static Draws draws(long seed) {
        return new Draws(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    static Actuals actuals(Map<String, double[]> columns, CohortTable cohorts, DealTable deals) {
        int months = columns.values().iterator().next().length;
        return new Actuals("simulated.csv", START, months, columns, cohorts, deals);
    }

    static Map<String, double[]> columns() {
        return new LinkedHashMap<>();
    }

    /** Mean and sd of a written rate or value: a Beta's or Gamma's own, a Fixed's with sd 0. */
    static double[] meanSd(Dist d) {
        return new double[] {d.mean(), d.sd()};
    }

    /** Median and the standard error of the log of a written lognormal (median = the MLE). */
    static double[] logMedianSe(Dist d) {
        if (d instanceof Fixed f) {
            return new double[] {Math.log(f.value()), 0};
        }
        LogNormal l = (LogNormal) d;
        return new double[] {Math.log(l.median()), Math.log(l.p90() / l.median()) / Calibrate.Z90};
    }

    /** Whether |estimate − truth| ≤ 1.96 se. */
    static boolean within95(double estimate, double se, double truth) {
        return Math.abs(estimate - truth) <= Z95 * se;
    }

    /**
     * Cohorts with sBG (or constant, when alpha is NaN) survival, each followed to the last month: cohort c
     * of {@code sizes[c]} customers starts in month c and is observed for {@code months − c} months.
     */
    static CohortTable cohorts(Draws d, long[] sizes, int months, double alpha, double beta, double churn) {
        List<CohortTable.Cohort> out = new java.util.ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            int last = months - 1 - c;
            long[] alive = new long[last + 1];
            alive[0] = sizes[c];
            for (int t = 1; t <= last; t++) {
                double keep = Double.isNaN(alpha) ? 1 - churn : (beta + t - 1) / (alpha + beta + t - 1);
                alive[t] = d.binomial(alive[t - 1], keep);
            }
            out.add(new CohortTable.Cohort(START.plusMonths(c), alive));
        }
        return new CohortTable("simulated.cohorts.csv", out);
    }
}
