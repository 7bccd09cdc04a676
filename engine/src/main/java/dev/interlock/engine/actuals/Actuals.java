package dev.interlock.engine.actuals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What really happened, month by month: the input of {@code calibrate} and {@code backtest}. Read and
 * validated by {@link ActualsReader}; immutable.
 *
 * <p>Monthly columns are keyed by metric ({@code leads}, {@code closes}, …, see {@link #METRICS}), or
 * for {@code spend} and {@code leads} also per channel as {@code spend.CHANNEL}. Every value is a
 * number ≥ 0 in the metric's unit (counts per month, money per month, customers at month end); a
 * month without data is {@code NaN}. Months are consecutive, from {@link #first()}.
 *
 * <p>Two optional tables travel with the months: a {@link CohortTable} (customers of each go-live
 * cohort still alive at each tenure) and a {@link DealTable} (deals by lead month and close month).
 */
public final class Actuals {
    /** The monthly metrics an actuals file may hold, with the model's meaning (see {@code Metric}). */
    public static final List<String> METRICS = List.of("spend", "leads", "qualified", "wins", "closes", "go_lives",
            "churned", "active_customers", "mrr", "revenue");
    /** Metrics that may also be given per channel, as {@code metric.channel}. */
    public static final List<String> PER_CHANNEL = List.of("spend", "leads");
    /** Money metrics (any number ≥ 0); the others are whole counts. */
    public static final List<String> MONEY = List.of("spend", "mrr", "revenue");

    private final String file;
    private final YearMonth first;
    private final int months;
    private final Map<String, double[]> columns;
    private final CohortTable cohorts;
    private final DealTable deals;

    /**
     * @param file    the monthly file's name, for messages
     * @param first   the first month
     * @param months  number of consecutive months (≥ 1)
     * @param columns column name → one value per month, NaN where blank; copied
     * @param cohorts cohort survival table, or null
     * @param deals   deals by lead and close month, or null
     */
    public Actuals(String file, YearMonth first, int months, Map<String, double[]> columns, CohortTable cohorts,
                   DealTable deals) {
        if (months < 1) {
            throw new IllegalArgumentException("need at least one month");
        }
        this.file = file;
        this.first = first;
        this.months = months;
        LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (e.getValue().length != months) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values for " + months + " months");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        this.columns = Collections.unmodifiableMap(copy);
        this.cohorts = cohorts;
        this.deals = deals;
    }

    public String file() {
        return file;
    }

    public YearMonth first() {
        return first;
    }

    /** The last month. */
    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    public int months() {
        return months;
    }

    /** The calendar month of index i (0 = {@link #first()}). */
    public YearMonth month(int i) {
        return first.plusMonths(i);
    }

    /** Index of a calendar month relative to {@link #first()} (may be negative or ≥ {@link #months()}). */
    public int index(YearMonth m) {
        return (int) (first.until(m, java.time.temporal.ChronoUnit.MONTHS));
    }

    /** Column names in file order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The values of a column (a copy), NaN where blank; null if there is no such column. */
    public double[] column(String column) {
        double[] v = columns.get(column);
        return v == null ? null : v.clone();
    }

    /**
     * The total of a metric per month: its own column, or else the sum of its per-channel columns (NaN in
     * a month where any channel is blank); null when neither is present.
     */
    public double[] total(String metric) {
        double[] own = columns.get(metric);
        if (own != null) {
            return own.clone();
        }
        List<String> chans = channels(metric);
        if (chans.isEmpty()) {
            return null;
        }
        double[] sum = new double[months];
        for (String c : chans) {
            double[] v = columns.get(metric + "." + c);
            for (int t = 0; t < months; t++) {
                sum[t] += v[t];
            }
        }
        return sum;
    }

    /** Channel names with a per-channel column of {@code metric}, in file order. */
    public List<String> channels(String metric) {
        List<String> out = new ArrayList<>();
        String prefix = metric + ".";
        for (String k : columns.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        }
        return out;
    }

    /** Months with a value in the column. */
    public int observed(String column) {
        double[] v = columns.get(column);
        if (v == null) {
            return 0;
        }
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    /** Cohort survival table, or null. */
    public CohortTable cohorts() {
        return cohorts;
    }

    /** Deals by lead month and close month, or null. */
    public DealTable deals() {
        return deals;
    }

    /**
     * What was known at the end of the first {@code n} months: the monthly rows 0 … n−1, the cohort
     * cells and the deals observed by then. Used to train a backtest on data before its origin.
     */
    public Actuals head(int n) {
        if (n < 1 || n > months) {
            throw new IllegalArgumentException("head(" + n + ") of " + months + " months");
        }
        LinkedHashMap<String, double[]> cut = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            cut.put(e.getKey(), Arrays.copyOf(e.getValue(), n));
        }
        YearMonth lastKnown = month(n - 1);
        return new Actuals(file, first, n, cut, cohorts == null ? null : cohorts.through(lastKnown),
                deals == null ? null : deals.through(lastKnown));
    }
}
