package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.DealTable;
import java.time.YearMonth;
import java.util.Map;

/**
 * Funnel rates and the sales cycle (MODEL.md section 2) from counts.
 *
 * <p><b>Rates from monthly counts</b>: with k successes out of n (qualified of leads, wins of qualified),
 * the posterior of the rate under a uniform prior is Beta(1 + k, 1 + n − k), written by its mean and sd.
 *
 * <p><b>Lead-to-close rate and lag from a deals table</b>, allowing for deals not yet closed (right
 * censoring) and for months before the table starts (left truncation). Let L_c be the leads of month c
 * and k_(c,ℓ) the deals of lead month c that closed ℓ months later; the table is complete for close
 * months in a window [w₀, w₁] (w₁ = the last month of the actuals; w₀ = the first month with a
 * {@code closes} value, else the first month), except the months whose {@code closes} is blank: their deals
 * are missing, wherever they fall. Each (c, ℓ) whose close month c + ℓ is observed so, and
 * k_(c,ℓ) ~ Binomial(L_c, q_ℓ) with q_ℓ = p·f_ℓ (p = lead-to-close rate, f = lag pmf). The maximum
 * likelihood estimate, cell by cell, is q_ℓ = Σ_(c∈O_ℓ) k_(c,ℓ) / E_ℓ with exposure E_ℓ = Σ_(c∈O_ℓ) L_c
 * over the lead months O_ℓ observed at lag ℓ (a development triangle with known exposure, as in claims
 * reserving). Then p = Σ_ℓ q_ℓ and
 * f_ℓ = q_ℓ/p. Var(p) = Σ_ℓ q_ℓ(1 − q_ℓ)/E_ℓ − 2·Σ_(ℓ&lt;m) q_ℓ q_m E_(ℓm)/(E_ℓ E_m), with E_(ℓm) the leads
 * observed at both lags (deals of one lead month are multinomial across lags), multiplied by the Pearson
 * dispersion φ = max(1, χ²/(cells − lags)) of the observed cells against L_c·q_ℓ (quasi-likelihood, as for the
 * cost per lead), so that months converting more unevenly than binomially widen it. Lags are estimated up to
 * the longest whose exposure is at least {@value #MIN_EXPOSURE_SHARE} of the largest; later closes cannot
 * be told apart from deals that never close, so they are left out and reported.
 */
final class FunnelFit {
    static final double MIN_EXPOSURE_SHARE = 0.10;

    private FunnelFit() {
    }

    /**
     * A rate's estimate with its standard deviation, from {@code successes} of {@code trials}; {@code dispersion} is
     * the factor its variance was widened by (1: binomial).
     */
    record Rate(double mean, double sd, double successes, double trials, double dispersion) {
        Rate(double mean, double sd, double successes, double trials) {
            this(mean, sd, successes, trials, 1);
        }

        static Rate ofCounts(double k, double n) {
            double a = 1 + k;
            double b = 1 + n - k;
            double s = a + b;
            return new Rate(a / s, Math.sqrt(a * b / (s * s * (s + 1))), k, n);
        }

        /**
         * The rate of Σk over Σn from monthly counts (months where both are given): the Beta posterior of
         * {@link #ofCounts}, its variance multiplied by the Pearson dispersion φ = max(1, χ²/(months − 1)) of the
         * monthly counts k_t against n_t·p̂ (quasi-likelihood, as for the cost per lead and the deals table), so that
         * months converting more unevenly than binomially widen it. Null when Σn is 0.
         */
        static Rate ofMonths(double[] k, double[] n) {
            double[] pooled = pooled(k, n);
            if (!(pooled[1] > 0)) {
                return null;
            }
            Rate r = ofCounts(pooled[0], pooled[1]);
            double p = pooled[0] / pooled[1];
            double chi2 = 0;
            int months = 0;
            for (int t = 0; t < k.length; t++) {
                if (!Double.isNaN(k[t]) && !Double.isNaN(n[t]) && n[t] > 0) {
                    double e = n[t] * p * (1 - p);
                    if (e > 0) {
                        chi2 += (k[t] - n[t] * p) * (k[t] - n[t] * p) / e;
                    }
                    months++;
                }
            }
            double phi = months > 1 ? Math.max(1, chi2 / (months - 1)) : 1;
            return new Rate(r.mean(), r.sd() * Math.sqrt(phi), r.successes(), r.trials(), phi);
        }

        /** "; months vary more than binomially, sd × 1.9 (φ = 3.6)" when widened, else "". */
        String dispersionText() {
            return dispersion > 1 ? String.format(java.util.Locale.ROOT,
                    "; months vary more than binomially, sd × %.2g (φ = %.2g)", Math.sqrt(dispersion), dispersion) : "";
        }
    }

    /**
     * @param rate       lead-to-close rate p
     * @param pmf        f_0 … f_L (sums to 1)
     * @param exposure   E_ℓ per lag
     * @param deals      deals counted (lags 0 … L, lead months with known leads, inside the window)
     * @param dropped    deals in the window at lags beyond L
     * @param unmatched  deals whose lead month has no leads value
     * @param from       first close month of the window
     * @param to         last close month of the window
     * @param gaps       close months inside the window whose {@code closes} is blank: their deals are taken as
     *                   missing and every cell closing then is left out
     */
    record Lag(Rate rate, double[] pmf, double[] exposure, long deals, long dropped, long unmatched, YearMonth from,
               YearMonth to, java.util.List<YearMonth> gaps) {
        /** Mean lag in months. */
        double meanLag() {
            double m = 0;
            for (int l = 0; l < pmf.length; l++) {
                m += l * pmf[l];
            }
            return m;
        }
    }

    /** Sum of {@code k} over months where both {@code k} and {@code n} have a value; {k, n, months}. */
    static double[] pooled(double[] k, double[] n) {
        double sk = 0;
        double sn = 0;
        int months = 0;
        for (int t = 0; t < k.length; t++) {
            if (!Double.isNaN(k[t]) && !Double.isNaN(n[t])) {
                sk += k[t];
                sn += n[t];
                months++;
            }
        }
        return new double[] {sk, sn, months};
    }

    /** Null when there are no leads or no deals in the window, or the window misses lag 0 … L. */
    static Lag lag(Actuals a, double[] leads, int maxLag) {
        DealTable d = a.deals();
        if (d == null || leads == null) {
            return null;
        }
        int w1 = a.months() - 1;
        int w0 = 0;
        double[] closes = a.total("closes");
        if (closes != null) {
            while (w0 <= w1 && Double.isNaN(closes[w0])) {
                w0++;
            }
            if (w0 > w1) {
                return null;
            }
        }
        // close months whose deals the table lists: the window, less the months with a blank closes value
        boolean[] seen = new boolean[w1 + 1];
        java.util.List<YearMonth> gaps = new java.util.ArrayList<>();
        for (int t = w0; t <= w1; t++) {
            seen[t] = closes == null || !Double.isNaN(closes[t]);
            if (!seen[t]) {
                gaps.add(a.month(t));
            }
        }
        int lags = maxLag + 1;
        double[] exposure = new double[lags];
        double[] k = new double[lags];
        for (int l = 0; l < lags; l++) {
            for (int c = Math.max(0, w0 - l); c <= w1 - l; c++) {
                if (seen[c + l] && !Double.isNaN(leads[c])) {
                    exposure[l] += leads[c];
                    k[l] += d.deals(a.month(c), l);
                }
            }
        }
        double maxExposure = 0;
        for (double x : exposure) {
            maxExposure = Math.max(maxExposure, x);
        }
        int last = -1;
        for (int l = 0; l < lags; l++) {
            if (exposure[l] >= MIN_EXPOSURE_SHARE * maxExposure && exposure[l] > 0) {
                last = l;
            }
        }
        if (last < 0) {
            return null;
        }
        for (int l = 0; l <= last; l++) {
            if (exposure[l] <= 0) {
                return null;
            }
        }
        double[] q = new double[last + 1];
        double p = 0;
        long counted = 0;
        for (int l = 0; l <= last; l++) {
            q[l] = k[l] / exposure[l];
            p += q[l];
            counted += (long) k[l];
        }
        if (p <= 0) {
            return null;
        }
        double var = 0;
        for (int l = 0; l <= last; l++) {
            var += q[l] * (1 - q[l]) / exposure[l];
            for (int m = l + 1; m <= last; m++) {
                double both = 0;
                for (int c = Math.max(Math.max(0, w0 - l), w0 - m); c <= Math.min(w1 - l, w1 - m); c++) {
                    if (c >= 0 && seen[c + l] && seen[c + m] && !Double.isNaN(leads[c])) {
                        both += leads[c];
                    }
                }
                var -= 2 * q[l] * q[m] * both / (exposure[l] * exposure[m]);
            }
        }
        // over-dispersion, as for the cost per lead (quasi-likelihood): Pearson χ² of the observed cells against
        // L_c·q_ℓ, over its degrees of freedom; months that convert unevenly widen the rate's uncertainty
        double chi2 = 0;
        int cells = 0;
        for (int l = 0; l <= last; l++) {
            if (q[l] <= 0 || q[l] >= 1) {
                continue;
            }
            for (int c = Math.max(0, w0 - l); c <= w1 - l; c++) {
                if (seen[c + l] && !Double.isNaN(leads[c]) && leads[c] > 0) {
                    double expected = leads[c] * q[l];
                    double dev = d.deals(a.month(c), l) - expected;
                    chi2 += dev * dev / (expected * (1 - q[l]));
                    cells++;
                }
            }
        }
        int df = cells - (last + 1);
        double phi = df > 0 ? Math.max(1, chi2 / df) : 1;
        var *= phi;
        double[] pmf = new double[last + 1];
        for (int l = 0; l <= last; l++) {
            pmf[l] = q[l] / p;
        }
        long dropped = 0;
        long unmatched = 0;
        for (Map.Entry<YearMonth, Map<Integer, Long>> e : d.byLead().entrySet()) {
            int c = a.index(e.getKey());
            for (Map.Entry<Integer, Long> l : e.getValue().entrySet()) {
                int close = c + l.getKey();
                if (close < w0 || close > w1 || !seen[close]) {
                    continue;
                }
                if (c < 0 || Double.isNaN(leads[c])) {
                    unmatched += l.getValue();
                } else if (l.getKey() > last) {
                    dropped += l.getValue();
                }
            }
        }
        double effectiveTrials = p * (1 - p) / Math.max(var, 1e-300);
        Rate rate = new Rate(p, Math.sqrt(Math.max(var, 0)), p * effectiveTrials, effectiveTrials);
        return new Lag(rate, pmf, java.util.Arrays.copyOf(exposure, last + 1), counted, dropped, unmatched,
                a.month(w0), a.month(w1), java.util.List.copyOf(gaps));
    }
}
