package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.CohortTable;
import dev.interlock.engine.actuals.CohortTable.Cohort;

/**
 * Churn (MODEL.md section 4) estimated from a cohort survival table, constant or shifted-beta-geometric.
 *
 * <p>The sBG model (Fader &amp; Hardie 2007, "How to project customer retention", J. Interactive
 * Marketing 21(1)): a customer of tenure τ ≥ 1 survives to τ + 1 with probability (β + τ − 1)/(α + β + τ − 1),
 * so S(τ) = Π_(k=1..τ) (β + k − 1)/(α + β + k − 1) — exactly the engine's {@code Retention}. Constant churn c
 * is S(τ) = (1 − c)^τ.
 *
 * <ul>
 *   <li><b>Survival data</b> (no cohort's count ever rises): the exact right-censored likelihood: of
 *       n_(τ−1) customers alive at τ − 1, n_(τ−1) − n_τ churn at τ, each with probability S(τ−1) − S(τ), and
 *       the n_T still alive at the last tenure T contribute S(T). Constant churn then has the closed form
 *       c = churn events / customer-months at risk, written as the Beta posterior of those counts.</li>
 *   <li><b>Activity data</b> (counts rise somewhere: "alive" means "bought this month", as in
 *       non-contractual businesses): there is no survival likelihood, so S(τ) is fitted to the share
 *       active at each tenure by binomial pseudo-likelihood, Σ a·ln S(τ) + (n − a)·ln(1 − S(τ)), and
 *       standard errors are scaled by the Pearson dispersion φ = χ²/(cells − parameters) when φ &gt; 1
 *       (quasi-likelihood, McCullagh &amp; Nelder 1989, ch. 9). These are approximate: cells of one
 *       cohort share customers, which φ only partly absorbs.</li>
 * </ul>
 * α and β are estimated on the log scale, and their standard errors come from the observed information
 * there. sBG is chosen over constant churn when twice the log-likelihood gain, divided by φ, exceeds
 * 2.706 — the 5 % point of the ½χ²₀ + ½χ²₁ mixture, since constant churn is sBG's boundary
 * (α, β → ∞; Self &amp; Liang 1987).
 */
final class ChurnFit {
    /** LR threshold: 5 % point of ½χ²₀ + ½χ²₁. */
    static final double BOUNDARY_LR_5PCT = 2.706;

    /**
     * @param sbg          whether sBG was chosen
     * @param alpha        sBG α (MLE), NaN for constant churn
     * @param beta         sBG β (MLE)
     * @param seLogAlpha   standard error of ln α (scaled by φ for activity data)
     * @param seLogBeta    standard error of ln β
     * @param correlation  correlation of ln α and ln β
     * @param churn        constant churn rate: the Beta posterior mean for survival data, the pseudo-MLE for
     *                     activity data; also reported when sBG is chosen
     * @param churnSe      its sd
     * @param activity     whether the counts were activity, not survival
     * @param dispersion   φ (1 for survival data)
     * @param lr           twice the log-likelihood gain of sBG over constant, divided by φ
     * @param cohorts      cohorts used
     * @param cells        (cohort, tenure ≥ 1) cells used
     * @param customers    customers at tenure 0
     */
    record Result(boolean sbg, double alpha, double beta, double seLogAlpha, double seLogBeta, double correlation,
                  double churn, double churnSe, boolean activity, double dispersion, double lr, int cohorts,
                  int cells, long customers) {
    }

    private ChurnFit() {
    }

    /** Null when the table has no cell beyond tenure 0. */
    static Result fit(CohortTable table) {
        int cells = table.cells();
        if (cells == 0) {
            return null;
        }
        boolean activity = !table.monotone();
        // constant churn
        double churn;
        double churnSe;
        double llConst;
        if (!activity) {
            long deaths = 0;
            long atRisk = 0;
            for (Cohort c : table.cohorts()) {
                for (int t = 1; t <= c.lastTenure(); t++) {
                    deaths += c.alive(t - 1) - c.alive(t);
                    atRisk += c.alive(t - 1);
                }
            }
            double mle = (double) deaths / atRisk;
            FunnelFit.Rate posterior = FunnelFit.Rate.ofCounts(deaths, atRisk);
            churn = posterior.mean();
            churnSe = posterior.sd();
            llConst = survivalLogLik(table, Math.log(1 - Math.min(mle, 1 - 1e-12)), Double.NaN, false);
        } else {
            MaxLikelihood.Fit f = MaxLikelihood.maximize(x -> pseudoLogLik(table, x[0], Double.NaN, true),
                    new double[] {logit(0.1)});
            double c = 1 / (1 + Math.exp(-f.theta()[0]));
            churn = c;
            double phi = Math.max(1, pearson(table, f.theta()[0], Double.NaN, true) / Math.max(1, cells - 1));
            churnSe = f.se(0) * c * (1 - c) * Math.sqrt(phi);
            llConst = f.logLik();
        }
        // sBG on (ln α, ln β)
        double s1 = firstSurvival(table);
        double a0 = 1;
        double b0 = Math.max(0.05, a0 * s1 / Math.max(1e-6, 1 - s1));
        MaxLikelihood.Fit f = activity
                ? MaxLikelihood.maximize(x -> pseudoLogLik(table, x[0], x[1], false), new double[] {0, Math.log(b0)})
                : MaxLikelihood.maximize(x -> survivalLogLik(table, x[0], x[1], true), new double[] {0, Math.log(b0)});
        double phi = 1;
        if (activity) {
            phi = Math.max(1, pearson(table, f.theta()[0], f.theta()[1], false) / Math.max(1, cells - 2));
        }
        double lr = 2 * (f.logLik() - llConst) / phi;
        double alpha = Math.exp(f.theta()[0]);
        double beta = Math.exp(f.theta()[1]);
        boolean identified = f.covariance() != null && alpha < 1e5 && beta < 1e5;
        boolean sbg = identified && lr > BOUNDARY_LR_5PCT;
        double root = Math.sqrt(phi);
        return new Result(sbg, alpha, beta, f.se(0) * root, f.se(1) * root, f.correlation(0, 1), churn, churnSe,
                activity, phi, lr, table.cohorts().size(), cells, table.customers());
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** Share surviving the first month, pooled over cohorts (a starting value). */
    private static double firstSurvival(CohortTable table) {
        double n = 0;
        double a = 0;
        for (Cohort c : table.cohorts()) {
            if (c.lastTenure() >= 1) {
                n += c.size();
                a += c.alive(1);
            }
        }
        return Math.min(0.999, Math.max(0.001, a / n));
    }

    /** ln S(τ) for τ = 0 … T: sBG with (ln α, ln β), or constant with ln(1 − c) given as {@code x0}. */
    private static double[] logSurvival(double x0, double x1, int T, boolean sbg) {
        double[] ls = new double[T + 1];
        if (sbg) {
            double a = Math.exp(x0);
            double b = Math.exp(x1);
            for (int t = 1; t <= T; t++) {
                ls[t] = ls[t - 1] + Math.log((b + t - 1) / (a + b + t - 1));
            }
        } else {
            for (int t = 1; t <= T; t++) {
                ls[t] = t * x0;
            }
        }
        return ls;
    }

    private static int maxTenure(CohortTable table) {
        int max = 0;
        for (Cohort c : table.cohorts()) {
            max = Math.max(max, c.lastTenure());
        }
        return max;
    }

    /** The exact right-censored survival log-likelihood. */
    static double survivalLogLik(CohortTable table, double x0, double x1, boolean sbg) {
        double[] ls = logSurvival(x0, x1, maxTenure(table), sbg);
        double ll = 0;
        for (Cohort c : table.cohorts()) {
            int T = c.lastTenure();
            for (int t = 1; t <= T; t++) {
                long die = c.alive(t - 1) - c.alive(t);
                if (die > 0) {
                    // ln(S(t−1) − S(t)) = ln S(t−1) + ln(1 − S(t)/S(t−1))
                    ll += die * (ls[t - 1] + Math.log(-Math.expm1(ls[t] - ls[t - 1])));
                }
            }
            ll += c.alive(T) * ls[T];
        }
        return ll;
    }

    /**
     * Binomial pseudo-log-likelihood of activity counts; for constant churn {@code x0} is logit(c) (so the
     * optimiser is unconstrained).
     */
    static double pseudoLogLik(CohortTable table, double x0, double x1, boolean constant) {
        double[] ls = constant ? logSurvival(-Math.log1p(Math.exp(x0)), 0, maxTenure(table), false)
                : logSurvival(x0, x1, maxTenure(table), true);
        double ll = 0;
        for (Cohort c : table.cohorts()) {
            long n = c.size();
            for (int t = 1; t <= c.lastTenure(); t++) {
                long a = c.alive(t);
                ll += a * ls[t] + (n - a) * Math.log(-Math.expm1(ls[t]));
            }
        }
        return ll;
    }

    /** Pearson χ² of activity counts against the fitted S(τ). */
    private static double pearson(CohortTable table, double x0, double x1, boolean constant) {
        double[] ls = constant ? logSurvival(-Math.log1p(Math.exp(x0)), 0, maxTenure(table), false)
                : logSurvival(x0, x1, maxTenure(table), true);
        double chi2 = 0;
        for (Cohort c : table.cohorts()) {
            long n = c.size();
            for (int t = 1; t <= c.lastTenure(); t++) {
                double s = Math.exp(ls[t]);
                double e = n * s;
                double v = n * s * (1 - s);
                if (v > 0) {
                    chi2 += (c.alive(t) - e) * (c.alive(t) - e) / v;
                }
            }
        }
        return chi2;
    }
}
