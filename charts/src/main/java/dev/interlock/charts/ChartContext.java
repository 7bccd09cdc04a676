package dev.interlock.charts;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.MonthlyCsv;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.scenario.Scenario;
import java.util.Locale;

/**
 * What a chart says about a run besides its numbers: the currency that replaces {@code currency} in
 * units ({@code "currency/month"} → {@code "USD/month"}), the calendar label of each month, and the
 * number of trials (futures) the statistics come from.
 *
 * @param currency       label for money, such as {@code "USD"}
 * @param calendarMonths one label per month, {@code "2027-01"}, or {@code ""} for each when the scenario has no
 *                       start month; its length is the horizon
 * @param trials         trials behind the statistics, ≥ 1
 */
public record ChartContext(String currency, String[] calendarMonths, long trials) {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    public ChartContext {
        calendarMonths = calendarMonths.clone();
    }

    public static ChartContext of(Scenario sc, long trials) {
        return new ChartContext(sc.currency(), MonthlyCsv.monthLabels(sc.startMonth(), sc.horizonMonths()), trials);
    }

    public int horizon() {
        return calendarMonths.length;
    }

    public boolean hasCalendar() {
        return calendarMonths.length > 0 && !calendarMonths[0].isEmpty();
    }

    /** "Mar 2027" for month 3 of a scenario starting in January 2027, else "month 3"; months count from 1. */
    public String monthLabel(int month) {
        if (!hasCalendar() || month < 1 || month > calendarMonths.length) {
            return "month " + month;
        }
        String c = calendarMonths[month - 1];
        return MONTHS[Integer.parseInt(c.substring(5, 7)) - 1] + " " + c.substring(0, 4);
    }

    /** A unit with the currency filled in: "currency/month" → "USD/month". */
    public String unit(String unit) {
        return Words.unit(unit, currency);
    }

    /** "Onboarding backlog", "MRR", "Active customers". */
    public static String name(Metric m) {
        return capitalized(words(m.key()));
    }

    /** "Cumulative profit", "Ending ARR", "LTV to CAC". */
    public static String name(Summary s) {
        return capitalized(words(s.key()));
    }

    /** "revenue (USD/month)". */
    public String axisLabel(Metric m) {
        return words(m.key()) + " (" + unit(m.unit()) + ")";
    }

    /** "cumulative profit (USD)", "ending ARR (USD/year)". */
    public String axisLabel(Summary s) {
        return words(s.key()) + " (" + unit(s.unit()) + ")";
    }

    /** A key in words, acronyms in capitals: "ending_arr" → "ending ARR". */
    static String words(String key) {
        StringBuilder b = new StringBuilder();
        for (String w : key.split("_")) {
            b.append(b.length() > 0 ? " " : "").append(ACRONYMS.contains(w) ? w.toUpperCase(Locale.ROOT) : w);
        }
        return b.toString();
    }

    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("arr", "mrr", "ltv", "cac");

    /** "10,000 futures". */
    public String futures() {
        return grouped(trials) + " futures";
    }

    /**
     * A whole number with a comma every three digits, "10,000": what {@code String.format(Locale.ROOT, "%,d", n)}
     * writes, without a {@code Formatter} (whose first use costs tens of milliseconds in a fresh JVM, on the thread
     * that lays out the report before any chart is drawn).
     */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int len = digits.length() - sign;
        StringBuilder b = new StringBuilder(digits.length() + len / 3);
        b.append(digits, 0, sign);
        int first = sign + (len % 3 == 0 ? 3 : len % 3);
        b.append(digits, sign, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
