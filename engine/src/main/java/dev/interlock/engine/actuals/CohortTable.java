package dev.interlock.engine.actuals;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers of each cohort (month of go-live) still alive at each tenure, as counted at month end:
 * tenure 0 is the go-live month (the cohort's size), tenure τ the τ-th month after it (MODEL.md section
 * 4). Tenures run 0, 1, … without gaps. For true survival data (a subscription that ends once) the
 * counts never rise; {@link #monotone()} tells whether they do here, since activity data (customers who
 * bought in the month) can rise again.
 */
public final class CohortTable {
    /** One cohort: its go-live month and the customers alive at tenure 0, 1, …, T. */
    public record Cohort(YearMonth month, long[] alive) {
        public Cohort {
            alive = alive.clone();
        }

        /** Customers alive at tenure τ. */
        public long alive(int tenure) {
            return alive[tenure];
        }

        /** The last tenure observed, T. */
        public int lastTenure() {
            return alive.length - 1;
        }

        public long size() {
            return alive[0];
        }
    }

    private final String file;
    private final List<Cohort> cohorts;

    /** @param cohorts in month order, each with at least its tenure-0 count */
    public CohortTable(String file, List<Cohort> cohorts) {
        this.file = file;
        this.cohorts = List.copyOf(cohorts);
    }

    public String file() {
        return file;
    }

    public List<Cohort> cohorts() {
        return cohorts;
    }

    /** Number of (cohort, tenure ≥ 1) cells: observations of survival. */
    public int cells() {
        int n = 0;
        for (Cohort c : cohorts) {
            n += c.lastTenure();
        }
        return n;
    }

    /** Customers across all cohorts at tenure 0. */
    public long customers() {
        long n = 0;
        for (Cohort c : cohorts) {
            n += c.size();
        }
        return n;
    }

    /** True when no cohort's count ever rises from one tenure to the next (survival, not activity). */
    public boolean monotone() {
        return rises() == 0;
    }

    /** How many times a count rises from one tenure to the next. */
    public int rises() {
        int n = 0;
        for (Cohort c : cohorts) {
            for (int t = 1; t <= c.lastTenure(); t++) {
                if (c.alive(t) > c.alive(t - 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The cells observed by the end of {@code last}: cohort month + tenure ≤ last; null if none remain. */
    public CohortTable through(YearMonth last) {
        List<Cohort> out = new ArrayList<>();
        for (Cohort c : cohorts) {
            long known = c.month().until(last, ChronoUnit.MONTHS);
            if (known < 0) {
                continue;
            }
            int keep = (int) Math.min(c.lastTenure(), known) + 1;
            long[] a = new long[keep];
            System.arraycopy(c.alive, 0, a, 0, keep);
            out.add(new Cohort(c.month(), a));
        }
        return out.isEmpty() ? null : new CohortTable(file, out);
    }
}
