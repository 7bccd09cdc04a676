package dev.interlock.charts;

import dev.interlock.charts.TableSection.Cell;
import dev.interlock.charts.TableSection.Column;
import dev.interlock.charts.TableSection.Table;
import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.model.Inputs;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of a run's report, built from results and the scenario's inputs: each a {@link Table}. */
public final class ReportTables {
    /** A month counts as at risk in the table when P(short) or P(backlog over threshold) reaches this. */
    public static final double RISK_LEVEL = 0.5;

    /** The summary figures a planning meeting asks about first, in this order. */
    public static final List<Summary> KEY_FIGURES = List.of(Summary.CUMULATIVE_PROFIT, Summary.ENDING_ARR,
            Summary.TOTAL_REVENUE, Summary.ENDING_CUSTOMERS, Summary.PEAK_BACKLOG, Summary.MONTHS_SHORT,
            Summary.MEAN_WAIT_MONTHS, Summary.MONTHS_SALES_SHORT, Summary.CAC, Summary.LTV_TO_CAC,
            Summary.PAYBACK_MONTHS);

    private ReportTables() {
    }

    /** Figure, unit, P10, P50, P90, mean and meaning, one row per figure. */
    public static Table keyFigures(Stats s, ChartContext ctx, List<Summary> figures) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Summary k : figures) {
            // one format per row, so that P10, P50, P90 and the mean read alike ("4.9k 7.2k 11.2k")
            String[] v = Words.compactRow(s.quantile(k, 0.1), s.quantile(k, 0.5), s.quantile(k, 0.9), s.mean(k));
            rows.add(List.of(Cell.of(ChartContext.name(k)), Cell.of(ctx.unit(k.unit())),
                    Cell.of(v[0]), Cell.of(v[1]), Cell.of(v[2]), Cell.of(v[3]), Cell.of(k.meaning())));
        }
        return new Table(List.of("figure", "unit", "P10", "P50", "P90", "mean", "what it is"),
                List.of(Column.LABEL, Column.LABEL, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER,
                        Column.TEXT), rows);
    }

    /**
     * Month by month: onboarding demand and capacity (means), P(onboarding short), backlog P50 and P90,
     * P(backlog over threshold), sales workload and capacity (means) and P(sales short). Probabilities of at
     * least {@link #RISK_LEVEL} are emphasised.
     */
    public static Table capacityByMonth(Stats s, ChartContext ctx) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int t = 0; t < s.horizon(); t++) {
            double salesCap = s.mean(Metric.SALES_CAPACITY, t);
            rows.add(List.of(Cell.of(Integer.toString(t + 1)),
                    Cell.of(ctx.hasCalendar() ? ctx.monthLabel(t + 1) : ""),
                    Cell.of(Words.compact(s.mean(Metric.ONBOARDING_DEMAND, t))),
                    Cell.of(Words.compact(s.mean(Metric.ONBOARDING_CAPACITY, t))),
                    risk(s.exceedProbability(Metric.ONBOARDING_GAP, t)),
                    Cell.of(Words.compact(s.quantile(Metric.BACKLOG, t, 0.5))),
                    Cell.of(Words.compact(s.quantile(Metric.BACKLOG, t, 0.9))),
                    risk(s.exceedProbability(Metric.BACKLOG, t)),
                    Cell.of(Words.compact(s.mean(Metric.SALES_GAP, t) + salesCap)),
                    Cell.of(Words.compact(salesCap)),
                    risk(s.exceedProbability(Metric.SALES_GAP, t))));
        }
        String over = "P(backlog > " + Words.compact(s.exceedThreshold(Metric.BACKLOG)) + ")";
        List<Column> columns = new ArrayList<>(Collections.nCopies(11, Column.NUMBER));
        columns.set(1, Column.LABEL);
        return new Table(List.of("month", "calendar", "onboarding demand, mean", "onboarding capacity, mean",
                "P(onboarding short)", "backlog P50", "backlog P90", over, "sales: leads to work, mean",
                "sales capacity, mean", "P(sales short)"), columns, rows);
    }

    private static Cell risk(double p) {
        return new Cell(Words.percent(p), p >= RISK_LEVEL);
    }

    /** Every uncertain input: key path, distribution as written, its mean. */
    public static Table uncertainInputs(Inputs in) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int j = 0; j < in.uncertainCount(); j++) {
            Dist d = in.uncertainDist(j);
            rows.add(List.of(Cell.of(in.uncertainName(j)), Cell.of(describe(d)), Cell.of(number(d.mean()))));
        }
        return new Table(List.of("input (scenario key)", "distribution, drawn once per future", "mean"),
                List.of(Column.LABEL, Column.TEXT, Column.NUMBER), rows);
    }

    /** "lognormal (median 180, p90 260)". */
    public static String describe(Dist d) {
        StringBuilder b = new StringBuilder(d.kind()).append(" (");
        boolean first = true;
        for (Map.Entry<String, Double> p : d.parameters().entrySet()) {
            b.append(first ? "" : ", ").append(p.getKey()).append(' ').append(number(p.getValue()));
            first = false;
        }
        return b.append(')').toString();
    }

    /** Two-column facts: what, value. */
    public static Table facts(List<String[]> pairs) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String[] p : pairs) {
            rows.add(List.of(Cell.of(p[0]), Cell.of(p[1])));
        }
        return new Table(List.of(), List.of(Column.LABEL, Column.TEXT), rows);
    }

    /** Up to 4 significant digits, plain: 0.035, 180, 12000, 1.5e6 → 1500000. */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
