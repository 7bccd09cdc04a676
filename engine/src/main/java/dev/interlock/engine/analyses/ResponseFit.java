package dev.interlock.engine.analyses;

/**
 * One channel's spend → leads response (MODEL.md section 1) from monthly spend S_t and leads N_t.
 *
 * <p>Effective spend follows the model's carry-over with the scenario's λ: E_t = (1 − λ)·S_t + λ·E_(t−1),
 * E_(−1) = S_0, from the first month with spend. A month without spend is left out, and the carry-over restarts
 * after it as at the start (E = S in the first month with spend again): what was spent in the blank month is
 * unknown, so the months after it are not chained to a guess. Leads are taken as
 * N_t ~ Poisson(μ_t), allowing over-dispersion by quasi-likelihood (McCullagh &amp; Nelder 1989, ch. 9):
 * standard errors are scaled by φ = max(1, Pearson χ²/(n − p)).
 * <ul>
 *   <li><b>Linear</b>, μ = E/cpl: the maximum-likelihood estimate is cpl = ΣE/ΣN, and ln cpl has standard
 *       error √(φ/ΣN).</li>
 *   <li><b>Saturating</b> (Hill with shape 1), μ = M·E/(K + E): fitted by Poisson maximum likelihood on
 *       (ln M, ln K), standard errors from the observed information × φ. Tried only when the effective
 *       spend spans a factor of at least {@value #MIN_SPEND_RATIO} over at least {@value #MIN_MONTHS_HILL}
 *       months; chosen when 2·(log-likelihood gain)/φ exceeds 2.706 (5 % point of the boundary test: the
 *       linear curve is the limit K → ∞) and both parameters are identified (standard error of each log
 *       below 1).</li>
 *   <li><b>Dispersion</b> d of the negative binomial (variance μ + d·μ²), by moments:
 *       d = max(0, Σ[(N − μ)² − μ]/Σμ²), from at least {@value #MIN_MONTHS_DISPERSION} months, with μ from the
 *       curve chosen (linear or saturating).</li>
 * </ul>
 */
final class ResponseFit {
    static final double MIN_SPEND_RATIO = 3;
    static final int MIN_MONTHS_HILL = 8;
    static final int MIN_MONTHS_DISPERSION = 6;

    /**
     * @param months      months used
     * @param leads       leads in those months
     * @param spend       spend in those months
     * @param cpl         linear cost per lead (MLE)
     * @param seLogCpl    standard error of ln cpl
     * @param dispersion  negative-binomial d, NaN when too few months
     * @param hill        whether the saturating curve was chosen
     * @param maxLeads    Hill M (MLE), NaN if not fitted
     * @param half        Hill K (MLE)
     * @param seLogMax    standard error of ln M
     * @param seLogHalf   standard error of ln K
     * @param spendRatio  largest / smallest effective spend
     * @param lr          the saturation test statistic (NaN if not tried)
     * @param why         why the linear curve was kept, or null
     * @param blankSpend  months after the first month with spend whose spend is blank: left out, the carry-over
     *                    restarting after each run of them
     */
    record Result(int months, double leads, double spend, double cpl, double seLogCpl, double dispersion,
                  boolean hill, double maxLeads, double half, double seLogMax, double seLogHalf, double spendRatio,
                  double lr, String why, int blankSpend) {
    }

    private ResponseFit() {
    }

    /**
     * @param spend     per month, NaN where unknown
     * @param leads     per month, NaN where unknown
     * @param carryover λ in [0, 1)
     * @return null when fewer than two months have both spend and leads, or no leads at all
     */
    static Result fit(double[] spend, double[] leads, double carryover) {
        int n = spend.length;
        int first = 0;
        while (first < n && Double.isNaN(spend[first])) {
            first++;
        }
        double[] e = new double[n];
        double[] y = new double[n];
        int m = 0;
        int blank = 0;
        double prev = Double.NaN;
        for (int t = first; t < n; t++) {
            if (Double.isNaN(spend[t])) {
                blank++;
                prev = Double.NaN;             // the carry-over restarts after the gap
                continue;
            }
            if (Double.isNaN(prev)) {
                prev = spend[t];
            }
            double eff = (1 - carryover) * spend[t] + carryover * prev;
            prev = eff;
            if (!Double.isNaN(leads[t]) && eff > 0) {
                e[m] = eff;
                y[m] = leads[t];
                m++;
            }
        }
        double sumE = 0;
        double sumN = 0;
        double minE = Double.POSITIVE_INFINITY;
        double maxE = 0;
        for (int i = 0; i < m; i++) {
            sumE += e[i];
            sumN += y[i];
            minE = Math.min(minE, e[i]);
            maxE = Math.max(maxE, e[i]);
        }
        if (m < 2 || sumN <= 0) {
            return null;
        }
        double rate = sumN / sumE;
        double chi2 = 0;
        double excess = 0;
        double mu2 = 0;
        for (int i = 0; i < m; i++) {
            double mu = e[i] * rate;
            chi2 += (y[i] - mu) * (y[i] - mu) / mu;
            excess += (y[i] - mu) * (y[i] - mu) - mu;
            mu2 += mu * mu;
        }
        double phiLinear = Math.max(1, chi2 / (m - 1));
        double cpl = 1 / rate;
        double seLogCpl = Math.sqrt(phiLinear / sumN);
        double dispersion = m >= MIN_MONTHS_DISPERSION ? Math.max(0, excess / mu2) : Double.NaN;   // around the line
        double ratio = maxE / minE;
        if (m < MIN_MONTHS_HILL || ratio < MIN_SPEND_RATIO) {
            String why = m < MIN_MONTHS_HILL ? "saturation not tried: " + m + " months (needs " + MIN_MONTHS_HILL + ")"
                    : String.format(java.util.Locale.ROOT, "saturation not tried: effective spend spans only a "
                    + "factor of %.1f (needs %.0f)", ratio, MIN_SPEND_RATIO);
            return new Result(m, sumN, sumE, cpl, seLogCpl, dispersion, false, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, ratio, Double.NaN, why, blank);
        }
        final int count = m;
        double llLinear = poisson(e, y, count, Double.NaN, Math.log(rate));
        double medianE = median(e, m);
        MaxLikelihood.Fit f = MaxLikelihood.maximize(x -> poisson(e, y, count, x[0], x[1]),
                new double[] {Math.log(2 * rate * medianE), Math.log(medianE)});
        double chi2h = 0;
        double excessHill = 0;
        double mu2Hill = 0;
        double mMax = Math.exp(f.theta()[0]);
        double k = Math.exp(f.theta()[1]);
        for (int i = 0; i < m; i++) {
            double mu = mMax * e[i] / (k + e[i]);
            chi2h += (y[i] - mu) * (y[i] - mu) / mu;
            excessHill += (y[i] - mu) * (y[i] - mu) - mu;
            mu2Hill += mu * mu;
        }
        double phiHill = Math.max(1, chi2h / (m - 2));
        double lr = 2 * (f.logLik() - llLinear) / phiHill;
        double root = Math.sqrt(phiHill);
        double seM = f.se(0) * root;
        double seK = f.se(1) * root;
        String why = null;
        boolean hill = false;
        if (!(lr > ChurnFit.BOUNDARY_LR_5PCT)) {
            why = String.format(java.util.Locale.ROOT, "no evidence of saturation (test statistic %.2f < 2.71)", lr);
        } else if (!(seM < 1 && seK < 1)) {
            why = "saturation suggested but not identified: the spend range does not pin down the maximum";
        } else {
            hill = true;
            // the scatter around the curve that was chosen: measured around the straight line, the bend of a
            // saturating response would be counted as noise
            dispersion = m >= MIN_MONTHS_DISPERSION ? Math.max(0, excessHill / mu2Hill) : Double.NaN;
        }
        return new Result(m, sumN, sumE, cpl, seLogCpl, dispersion, hill, mMax, k, seM, seK, ratio, lr, why,
                blank);
    }

    /** Poisson log-likelihood (without the ln N! constant): linear when x0 is NaN (x1 = ln rate), else Hill. */
    private static double poisson(double[] e, double[] y, int m, double x0, double x1) {
        double ll = 0;
        for (int i = 0; i < m; i++) {
            double mu = Double.isNaN(x0) ? e[i] * Math.exp(x1) : Math.exp(x0) * e[i] / (Math.exp(x1) + e[i]);
            ll += y[i] * Math.log(mu) - mu;
        }
        return ll;
    }

    private static double median(double[] xs, int m) {
        double[] s = java.util.Arrays.copyOf(xs, m);
        java.util.Arrays.sort(s);
        return m % 2 == 1 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
    }
}
