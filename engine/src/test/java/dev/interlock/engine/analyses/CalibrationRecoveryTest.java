package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.CohortTable;
import dev.interlock.engine.actuals.DealTable;
import dev.interlock.engine.random.Draws;
import dev.interlock.engine.scenario.Scenario;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each estimator on data simulated with known parameters: over {@value #RUNS} fixed seeds, the truth lies
 * within 1.96 stated standard errors of the estimate about 95 % of the time. A check passes when the share
 * is in [{@value #LOW}, {@value #HIGH}]: for an exactly calibrated estimator (hits ~ Binomial(300, 0.95),
 * sd 3.8) it fails by chance with probability about 0.3 % (z = −4.0 below, +2.8 above); the seeds are
 * fixed, so the outcome is reproducible.
 */
class CalibrationRecoveryTest {
    static final int RUNS = 300;
    static final double LOW = 0.90;
    static final double HIGH = 0.985;

    private static void assertNear95(int hits, int runs, String what) {
        assertThat((double) hits / runs).as(what + ": share of runs within 1.96 SE").isBetween(LOW, HIGH);
    }

    @Test
    void qualificationAndWinRatesAreRecoveredWithinTheirBetaPosteriorSd() {
        double pq = 0.3;
        double pw = 0.2;
        int qualHits = 0;
        int winHits = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(1000 + seed);
            double[] leads = new double[12];
            double[] qualified = new double[12];
            double[] wins = new double[12];
            for (int t = 0; t < 12; t++) {
                leads[t] = d.poisson(80);
                qualified[t] = d.binomial((long) leads[t], pq);
                wins[t] = d.binomial((long) qualified[t], pw);
            }
            Map<String, double[]> cols = Simulated.columns();
            cols.put("leads", leads);
            cols.put("qualified", qualified);
            cols.put("wins", wins);
            Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
            double[] q = Simulated.meanSd(c.qualification());
            double[] w = Simulated.meanSd(c.win());
            qualHits += Simulated.within95(q[0], q[1], pq) ? 1 : 0;
            winHits += Simulated.within95(w[0], w[1], pw) ? 1 : 0;
        }
        assertNear95(qualHits, RUNS, "qualification rate");
        assertNear95(winHits, RUNS, "win rate");
    }

    @Test
    void aRateFromMonthsThatConvertUnevenlyIsWidenedByTheirDispersion() {
        // each month's qualification rate varies around 0.3 (normal, sd 0.05) on 400 leads a month: the binomial
        // sd of the pooled rate (~0.0066) is far too small for how well 12 such months pin the mean rate (~0.015)
        double pq = 0.3;
        int hits = 0;
        int plainHits = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(5000 + seed);
            double[] leads = new double[12];
            double[] qualified = new double[12];
            for (int t = 0; t < 12; t++) {
                leads[t] = 400;
                double p = Math.min(1, Math.max(0, pq + 0.05 * d.normal()));
                qualified[t] = d.binomial(400, p);
            }
            Map<String, double[]> cols = Simulated.columns();
            cols.put("leads", leads);
            cols.put("qualified", qualified);
            Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
            double[] q = Simulated.meanSd(c.qualification());
            hits += Simulated.within95(q[0], q[1], pq) ? 1 : 0;
            FunnelFit.Rate plain = FunnelFit.Rate.ofCounts(java.util.Arrays.stream(qualified).sum(), 4800);
            plainHits += Simulated.within95(plain.mean(), plain.sd(), pq) ? 1 : 0;
            if (seed == 0) {
                assertThat(c.estimated()).anySatisfy(r -> assertThat(r.from()).contains("months vary more than binomially"));
            }
        }
        assertNear95(hits, RUNS, "qualification rate with dispersion");
        assertThat((double) plainHits / RUNS).as("the binomial sd alone covers far less").isLessThan(0.75);
    }

    @Test
    void leadToCloseRateAndLagAreRecoveredDespiteCensoringAndTruncation() {
        double p = 0.15;
        double[] lag = {0.4, 0.3, 0.15, 0.1, 0.05};
        int months = 18;
        int firstObservedClose = 4;        // closes before month 4 are missing (left truncation)
        int hits = 0;
        double[] pmfSum = new double[lag.length];
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(2000 + seed);
            double[] leads = new double[months];
            double[] closes = new double[months];
            Map<YearMonth, Map<Integer, Long>> deals = new TreeMap<>();
            for (int c = 0; c < months; c++) {
                leads[c] = d.poisson(400);
                long won = d.binomial((long) leads[c], p);
                long left = won;
                double rest = 1;
                for (int l = 0; l < lag.length && left > 0; l++) {
                    long k = l == lag.length - 1 ? left : d.binomial(left, lag[l] / rest);
                    rest -= lag[l];
                    left -= k;
                    int close = c + l;
                    if (k > 0 && close >= firstObservedClose && close < months) {   // right-censored at the end
                        deals.computeIfAbsent(Simulated.START.plusMonths(c), x -> new TreeMap<>()).merge(l, k, Long::sum);
                        closes[close] += k;
                    }
                }
            }
            Arrays.fill(closes, 0, firstObservedClose, Double.NaN);
            Map<String, double[]> cols = Simulated.columns();
            cols.put("leads", leads);
            cols.put("closes", closes);
            Actuals a = Simulated.actuals(cols, null, new DealTable("deals.csv", deals));
            Calibration c = Calibrate.estimate(a, null);
            double[] w = Simulated.meanSd(c.win());
            hits += Simulated.within95(w[0], w[1], p) ? 1 : 0;
            assertThat(c.qualification().mean()).isEqualTo(1);
            double[] cycle = c.salesCycle();
            for (int l = 0; l < lag.length; l++) {
                pmfSum[l] += l < cycle.length ? cycle[l] : 0;
            }
            assertThat(cycle.length).isLessThanOrEqualTo(lag.length);
        }
        assertNear95(hits, RUNS, "lead-to-close rate");
        // the pmf is unbiased: its mean over runs is within 0.003 of the truth (sd of one entry ≈ 0.01/√300
        // ≈ 0.0006, so about 5 standard errors)
        for (int l = 0; l < lag.length; l++) {
            assertThat(pmfSum[l] / RUNS).as("lag %d", l).isCloseTo(lag[l], org.assertj.core.data.Offset.offset(0.003));
        }
    }

    /** Effective spend with carry-over λ, E(−1) = S(0), as the model computes it. */
    private static double[] adstock(double[] spend, double lambda) {
        double[] e = new double[spend.length];
        double prev = spend[0];
        for (int t = 0; t < spend.length; t++) {
            e[t] = (1 - lambda) * spend[t] + lambda * prev;
            prev = e[t];
        }
        return e;
    }

    @Test
    void costPerLeadIsRecoveredWithCarryOverAndOverDispersion() {
        double cpl = 50;
        double lambda = 0.3;
        int poissonHits = 0;
        int negBinHits = 0;
        double dispersionSum = 0;
        Scenario base = base(lambda);
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(3000 + seed);
            double[] spend = new double[24];
            for (int t = 0; t < 24; t++) {
                spend[t] = 5000 + 100 * d.poisson(50);       // 5,000 … ~15,000: too narrow to try saturation
            }
            double[] e = adstock(spend, lambda);
            double[] poisson = new double[24];
            double[] negBin = new double[24];
            for (int t = 0; t < 24; t++) {
                poisson[t] = d.poisson(e[t] / cpl);
                negBin[t] = d.negativeBinomial(e[t] / cpl, 0.05);
            }
            for (int k = 0; k < 2; k++) {
                Map<String, double[]> cols = Simulated.columns();
                cols.put("spend", spend);
                cols.put("leads", k == 0 ? poisson : negBin);
                Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), base);
                Scenario.Linear lin = (Scenario.Linear) c.responses().get("paid");
                double[] m = Simulated.logMedianSe(lin.costPerLead());
                boolean hit = Simulated.within95(m[0], m[1], Math.log(cpl));
                if (k == 0) {
                    poissonHits += hit ? 1 : 0;
                } else {
                    negBinHits += hit ? 1 : 0;
                    dispersionSum += c.dispersions().get("paid");
                }
            }
        }
        assertNear95(poissonHits, RUNS, "cost per lead, Poisson leads");
        assertNear95(negBinHits, RUNS, "cost per lead, negative-binomial leads (quasi-likelihood)");
        // the moment estimate of d is close to unbiased: mean over runs within 0.005 of 0.05 (10 %)
        assertThat(dispersionSum / RUNS).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void saturationIsFoundAndItsParametersRecoveredWhenSpendRangesWidely() {
        double max = 500;
        double half = 20_000;
        int chosen = 0;
        int maxHits = 0;
        int halfHits = 0;
        double dispersionSum = 0;
        Scenario base = base(0);
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(4000 + seed);
            double[] spend = new double[24];
            double[] leads = new double[24];
            for (int t = 0; t < 24; t++) {
                spend[t] = 2000 + 2500 * t + 500 * d.poisson(4);       // 2,000 … ~62,000
                leads[t] = d.poisson(max * spend[t] / (half + spend[t]));
            }
            Map<String, double[]> cols = Simulated.columns();
            cols.put("spend", spend);
            cols.put("leads", leads);
            Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), base);
            if (c.responses().get("paid") instanceof Scenario.Hill h) {
                chosen++;
                double[] m = Simulated.logMedianSe(h.maxLeads());
                double[] k = Simulated.logMedianSe(h.halfSaturationSpend());
                maxHits += Simulated.within95(m[0], m[1], Math.log(max)) ? 1 : 0;
                halfHits += Simulated.within95(k[0], k[1], Math.log(half)) ? 1 : 0;
                dispersionSum += c.dispersions().get("paid");
            }
        }
        assertThat(chosen).as("runs in which saturation was detected").isGreaterThanOrEqualTo(RUNS * 95 / 100);
        // the leads are Poisson around the curve: no over-dispersion once measured around the curve (measured
        // around a straight line, the bend made d about 0.1 here)
        assertThat(dispersionSum / chosen).as("mean dispersion").isLessThan(0.005);
        assertNear95(maxHits, chosen, "max_leads");
        assertNear95(halfHits, chosen, "half_saturation_spend");
    }

    @Test
    void sbgAlphaAndBetaAreRecoveredFromSurvivalCounts() {
        double alpha = 1.2;
        double beta = 6;
        int aHits = 0;
        int bHits = 0;
        int chosen = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(5000 + seed);
            CohortTable t = Simulated.cohorts(d, new long[] {800, 800, 800, 800, 800, 800}, 18, alpha, beta, 0);
            Calibration c = Calibrate.estimate(Simulated.actuals(Map.of("leads", new double[18]), t, null), null);
            if (c.retention() instanceof Scenario.ShiftedBetaGeometric g) {
                chosen++;
                double[] a = Simulated.logMedianSe(g.alpha());
                double[] b = Simulated.logMedianSe(g.beta());
                aHits += Simulated.within95(a[0], a[1], Math.log(alpha)) ? 1 : 0;
                bHits += Simulated.within95(b[0], b[1], Math.log(beta)) ? 1 : 0;
            }
        }
        assertThat(chosen).as("runs in which sBG beat constant churn").isGreaterThanOrEqualTo(RUNS * 95 / 100);
        assertNear95(aHits, chosen, "sBG alpha");
        assertNear95(bHits, chosen, "sBG beta");
    }

    @Test
    void constantChurnIsRecoveredFromCohortsAndUsuallyPreferredToSbg() {
        double churn = 0.05;
        int hits = 0;
        int constant = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(6000 + seed);
            CohortTable t = Simulated.cohorts(d, new long[] {500, 500, 500, 500}, 12, Double.NaN, Double.NaN, churn);
            Calibration c = Calibrate.estimate(Simulated.actuals(Map.of("leads", new double[12]), t, null), null);
            if (c.retention() instanceof Scenario.ConstantChurn cc) {
                constant++;
                double[] m = Simulated.meanSd(cc.monthlyChurn());
                hits += Simulated.within95(m[0], m[1], churn) ? 1 : 0;
            }
        }
        // the boundary test keeps constant churn ~95 % of the time when it is true
        assertThat((double) constant / RUNS).isBetween(0.90, 0.99);
        assertNear95(hits, constant, "constant churn from cohorts");
    }

    @Test
    void constantChurnIsRecoveredFromMonthlyChurnedAndActive() {
        double churn = 0.04;
        int hits = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Draws d = Simulated.draws(7000 + seed);
            double[] active = new double[18];
            double[] churned = new double[18];
            double prev = 0;
            for (int t = 0; t < 18; t++) {
                churned[t] = d.binomial((long) prev, churn);
                active[t] = prev - churned[t] + d.poisson(60);
                prev = active[t];
            }
            Map<String, double[]> cols = Simulated.columns();
            cols.put("churned", churned);
            cols.put("active_customers", active);
            Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
            double[] m = Simulated.meanSd(((Scenario.ConstantChurn) c.retention()).monthlyChurn());
            hits += Simulated.within95(m[0], m[1], churn) ? 1 : 0;
        }
        assertNear95(hits, RUNS, "constant churn from monthly counts");
    }

    @Test
    void dealSizeIsTwelveTimesMrrPerActiveCustomer() {
        Map<String, double[]> cols = Simulated.columns();
        cols.put("active_customers", new double[] {100, 200, 400});
        cols.put("mrr", new double[] {100_000, 220_000, 400_000});
        Calibration c = Calibrate.estimate(Simulated.actuals(cols, null, null), null);
        // pooled: 12 × 720,000 / 700 customer-months
        assertThat(c.acv().mean()).isCloseTo(12 * 720_000 / 700.0, org.assertj.core.data.Offset.offset(0.1));   // 6 significant digits
        // sd: the standard error of that ratio of sums, R = 8,640,000 / 700, by hand: residuals 12·mrr − R·active
        // of 1,200,000 − 100R, 2,640,000 − 200R and 4,800,000 − 400R, then √(3/2 · Σe²) / 700 ≈ 388.8
        double r = 12 * 720_000 / 700.0;
        double e1 = 1_200_000 - 100 * r;
        double e2 = 2_640_000 - 200 * r;
        double e3 = 4_800_000 - 400 * r;
        double sd = Math.sqrt(1.5 * (e1 * e1 + e2 * e2 + e3 * e3)) / 700;
        assertThat(c.acv().sd()).isCloseTo(sd, org.assertj.core.data.Offset.offset(0.01 * sd));
    }

    /** A one-channel scenario named "paid" with carry-over λ (the estimators read channels and structure). */
    static Scenario base(double lambda) {
        return dev.interlock.engine.testing.TestScenarios.parse(dev.interlock.engine.testing.TestScenarios.unlimited(
                24, "{base: 10000}", "[1]", "{model: constant, monthly_churn: 0.02}", "")
                .replace("carryover: 0.4", "carryover: " + lambda));
    }
}
