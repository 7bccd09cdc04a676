package dev.interlock.engine.analyses;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reporting structures compared on common random numbers: per structure, the statistics of every
 * figure; per pair of structures and figure, the paired difference trial by trial with its 95 %
 * confidence interval, the unpaired interval it replaces, and how often one beats the other.
 *
 * @param scenario   the scenario compared
 * @param structures structure names in run order
 * @param run        per-structure statistics (same order)
 * @param pairs      every (a, b) with a before b in run order, for every figure of {@link #FIGURES}
 */
public record Comparison(Scenario scenario, List<String> structures, RunResult run, List<Pair> pairs) {
    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** A figure compared, and which direction is better. */
    public record Figure(Summary summary, boolean higherIsBetter, String label) {
    }

    /** The figures compared, in report order; the first ranks the structures. */
    public static final List<Figure> FIGURES = List.of(
            new Figure(Summary.CUMULATIVE_PROFIT, true, "cumulative profit"),
            new Figure(Summary.ENDING_ARR, true, "ending ARR"),
            new Figure(Summary.PEAK_BACKLOG, false, "peak onboarding backlog"),
            new Figure(Summary.MONTHS_SHORT, false, "months with an onboarding gap"),
            new Figure(Summary.BACKLOG_OVER_ANY, false, "P(backlog over threshold in any month)"),
            new Figure(Summary.CAC, false, "CAC"),
            new Figure(Summary.LTV_TO_CAC, true, "LTV/CAC"),
            // the last 12 months against the first 12, whatever the horizon (year 3 − year 1 for 36 months)
            new Figure(Summary.REVENUE_GROWTH, true, "revenue growth (last 12 months − first 12)"),
            new Figure(Summary.PROFIT_GROWTH, true, "profit growth (last 12 months − first 12)"));

    /**
     * The paired difference a − b of one figure over the trials where both are defined.
     *
     * @param meanDiff          mean of a − b
     * @param ciLow             95 % confidence interval of the mean difference, paired
     * @param unpairedHalfWidth what the half-width would be without pairing: z·√(sd_a²/n + sd_b²/n)
     * @param pABetter          share of trials where a is strictly better than b (direction of the figure)
     * @param pTie              share of trials where they are equal
     * @param maxAbsDiff        largest |a − b| over trials (0 means identical in every trial)
     * @param diffP10           P10 of the per-trial differences a − b (cumulative profit only, else NaN)
     * @param diffP90           P90 of the per-trial differences a − b (cumulative profit only, else NaN)
     */
    public record Pair(String a, String b, Figure figure, long n, double meanDiff, double sdDiff, double ciLow,
                       double ciHigh, double unpairedHalfWidth, double pABetter, double pTie, double maxAbsDiff,
                       double diffP10, double diffP90) {
        public double pairedHalfWidth() {
            return (ciHigh - ciLow) / 2;
        }

        /** How many times narrower the paired interval is than the unpaired one. */
        public double narrowing() {
            double h = pairedHalfWidth();
            return h > 0 ? unpairedHalfWidth / h : Double.POSITIVE_INFINITY;
        }

        public double pBBetter() {
            return 1 - pABetter - pTie;
        }
    }

    public Stats stats(String structure) {
        return run.variants().get(structures.indexOf(structure));
    }

    /** The pair statistic for (a, b) in either order, oriented as a − b. */
    public Pair pair(String a, String b, Summary figure) {
        for (Pair p : pairs) {
            if (p.figure().summary() != figure) {
                continue;
            }
            if (p.a().equals(a) && p.b().equals(b)) {
                return p;
            }
            if (p.a().equals(b) && p.b().equals(a)) {
                // b − a is −(a − b): its P10 is −P90 of a − b (the same value, counted from the other end)
                return new Pair(a, b, p.figure(), p.n(), -p.meanDiff(), p.sdDiff(), -p.ciHigh(), -p.ciLow(),
                        p.unpairedHalfWidth(), p.pBBetter(), p.pTie(), p.maxAbsDiff(), -p.diffP90(), -p.diffP10());
            }
        }
        throw new IllegalArgumentException("no pair " + a + " / " + b + " for " + figure);
    }

    /** Structures from best to worst by mean cumulative profit. */
    public List<String> ranking() {
        List<String> r = new ArrayList<>(structures);
        r.sort(Comparator.comparingDouble((String s) -> stats(s).mean(Summary.CUMULATIVE_PROFIT)).reversed());
        return r;
    }

    /**
     * How many times narrower the paired intervals of {@code figure} are than unpaired ones, over every pair:
     * "4×" when all round to the same, else "3–6×"; null when no pair has a finite ratio (identical structures).
     */
    public String narrowingWords(Summary figure) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Pair p : pairs) {
            if (p.figure().summary() == figure && p.pairedHalfWidth() > 0 && Double.isFinite(p.narrowing())) {
                lo = Math.min(lo, p.narrowing());
                hi = Math.max(hi, p.narrowing());
            }
        }
        if (lo > hi) {
            return null;
        }
        long a = Math.round(lo);
        long b = Math.round(hi);
        return a == b ? a + "×" : a + "–" + b + "×";
    }

    /**
     * "`both_under_coo` beats `siloed` on cumulative profit in 83% of trials (ties 0%); mean +1.2M USD, in 8
     * of 10 futures between +0.2M and +2.3M; 95% CI of the mean [+1.1M, +1.3M]": oriented so that the
     * first-named structure is the better on average. The spread (P10 to P90 of the per-trial differences)
     * is stated for cumulative profit; with fewer than 2 trials there is no interval.
     */
    public String sentence(String a, String b, Figure f) {
        Pair p = pair(a, b, f.summary());
        if (p.n() == 0 || Double.isNaN(p.meanDiff())) {
            // e.g. CAC when no future closes a deal: no difference to orient by
            return String.format(Locale.ROOT, "`%s` and `%s` cannot be compared on %s: it is undefined in every trial",
                    a, b, f.label());
        }
        boolean aBetter = f.higherIsBetter() ? p.meanDiff() >= 0 : p.meanDiff() <= 0;
        if (!aBetter) {
            return sentence(b, a, f);
        }
        if (p.maxAbsDiff() == 0) {
            return String.format(Locale.ROOT, "`%s` and `%s` are identical on %s in every trial", a, b, f.label());
        }
        if (f.summary() == Summary.BACKLOG_OVER_ANY) {
            // a yes/no figure: "beats in 12 % (ties 87 %)" would read as if a were mostly worse
            return String.format(Locale.ROOT, "`%s` has a crunch (onboarding backlog over its threshold in some month) "
                            + "in %s of futures, `%s` in %s; only `%s` has one in %s of futures, only `%s` in %s", a,
                    pct(stats(a).mean(Summary.BACKLOG_OVER_ANY)), b, pct(stats(b).mean(Summary.BACKLOG_OVER_ANY)), b,
                    pct(p.pABetter()), a, pct(Math.max(0, 1 - p.pABetter() - p.pTie())));
        }
        String unit = f.summary().unit().startsWith("currency") ? " " + scenario.currency() : "";
        String spread = Double.isNaN(p.diffP10()) || Double.isNaN(p.diffP90()) ? ""
                : p.n() < 2 ? "" : String.format(Locale.ROOT, ", in 8 of 10 futures between %s and %s",
                        signed(p.diffP10()), signed(p.diffP90()));
        String interval = Double.isNaN(p.ciLow()) ? "; no interval (it needs at least 2 trials)"
                : String.format(Locale.ROOT, "; 95%% CI of the mean [%s, %s]%s", signed(p.ciLow()), signed(p.ciHigh()),
                        p.ciLow() <= 0 && p.ciHigh() >= 0 ? " — not distinguishable from zero" : "");
        return String.format(Locale.ROOT, "`%s` %s `%s` on %s in %s of trials (ties %s); mean %s%s%s%s",
                a, "beats", b, f.label(), pct(p.pABetter()), pct(p.pTie()), signed(p.meanDiff()), unit, spread,
                interval);
    }

    /**
     * What the intervals do and do not measure, said once beside every comparison: the differences are
     * those of the structures' assumed policy values, and the intervals are the simulation's noise only.
     */
    public static final String ASSUMPTIONS = "These differences follow from the policy values assumed for each "
            + "structure (the scenario's structures: and the files it includes, such as structures.yaml); the "
            + "intervals measure simulation noise only, not doubt about those assumptions.";

    /**
     * When the structure ranked {@code rank} (0-based, ≥ 1) beats the one above it in at least
     * {@link #NEAR_TIE} of trials on cumulative profit: "close to #2: better in 48% of futures"; "identical to #2
     * in every future" when they never differ; else null.
     */
    public String closeTo(int rank) {
        List<String> r = ranking();
        Pair p = pair(r.get(rank), r.get(rank - 1), Summary.CUMULATIVE_PROFIT);
        if (p.n() > 0 && p.maxAbsDiff() == 0) {
            return "identical to #" + rank + " in every future";
        }
        if (!(p.pABetter() >= NEAR_TIE)) {
            return null;
        }
        return "close to #" + rank + ": better in " + pct(p.pABetter()) + " of futures";
    }

    /** The share of trials from which a lower-ranked structure counts as close to the one above it. */
    public static final double NEAR_TIE = 0.40;

    /** As {@link dev.interlock.engine.output.Words#percent}: "100%" and "0%" only when it is all or nothing. */
    static String pct(double p) {
        return dev.interlock.engine.output.Words.percent(p);
    }

    /** +1.23M, −45.0k, +0.12 */
    static String signed(double x) {
        String sign = x < 0 ? "−" : "+";
        double a = Math.abs(x);
        String body;
        if (a >= 1e4) {
            body = dev.interlock.engine.output.Words.compact(a);
        } else if (a >= 10) {
            body = String.format(Locale.ROOT, "%.0f", a);
        } else {
            body = String.format(Locale.ROOT, "%.3g", a);
        }
        return sign + body;
    }

    /**
     * The seed figure check: (mean of a structure's figure / mean of the baseline's) − 1; NaN (null in JSON) when
     * the baseline's mean is not positive.
     */
    public double relativeGain(String structure, String baseline, Summary figure) {
        double a = stats(structure).mean(figure);
        double b = stats(baseline).mean(figure);
        return b > 0 ? a / b - 1 : Double.NaN;   // a ratio to a baseline that shrinks or stands still means nothing
    }
}
