package dev.interlock.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identities every trial must satisfy exactly, whatever the draws, checked trial by trial on the shipped
 * scenarios: customers are conserved through retention (active = Σ go-lives − Σ churned), counts stay
 * non-negative, cumulative profit is the running sum of profit.
 */
class KernelInvariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"reference.yaml", "saas.yaml", "marketing-push.yaml", "plg.yaml"})
    void customersAreConservedAndCountsStayNonNegative(String file) throws Exception {
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped(file)));
        TrialKernel kernel = m.kernel();
        TrialState s = m.newState();
        double[] u = new double[m.inputs().uncertainCount()];
        int h = m.horizon();
        for (int trial = 0; trial < 300; trial++) {
            kernel.runPlain(trial, s, u);
            long live = 0;
            double cumulative = 0;
            for (int t = 0; t < h; t++) {
                live += (long) s.value(Metric.GO_LIVES, t) - (long) s.value(Metric.CHURNED, t);
                assertThat(s.value(Metric.ACTIVE_CUSTOMERS, t)).as("%s trial %d month %d", file, trial, t)
                        .isEqualTo((double) live);
                assertThat(s.value(Metric.CHURNED, t)).isGreaterThanOrEqualTo(0);
                assertThat(s.value(Metric.BACKLOG, t)).isGreaterThanOrEqualTo(0);
                assertThat(s.value(Metric.MRR, t)).isGreaterThanOrEqualTo(0);
                if (live == 0) {
                    assertThat(s.value(Metric.MRR, t)).isZero();
                }
                cumulative += s.value(Metric.PROFIT, t);
                assertThat(s.value(Metric.CUMULATIVE_PROFIT, t))
                        .isCloseTo(cumulative, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(cumulative))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 17, 999})
    void referenceMrrIsTwoThousandPerActiveCustomer(int trial) throws Exception {
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped("reference.yaml")));
        TrialState s = m.newState();
        m.kernel().runPlain(trial, s, new double[m.inputs().uncertainCount()]);
        for (int t = 0; t < m.horizon(); t++) {
            assertThat(s.value(Metric.MRR, t)).isEqualTo(2000 * s.value(Metric.ACTIVE_CUSTOMERS, t));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void uniformsAtTheEdgesGiveValuesInsideEveryRange(double edge) throws Exception {
        // a low-discrepancy sequence starts at 0 and a copula can reach 1: every input must stay inside its
        // range (open bounds excluded) and the trial must run to finite outputs
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped("saas.yaml")));
        Inputs in = m.inputs();
        double[] u = new double[in.uncertainCount()];
        java.util.Arrays.fill(u, edge);
        assertThat(u).hasSizeGreaterThan(5);
        for (int j = 0; j < u.length; j++) {
            double x = in.valueAt(j, edge);
            assertThat(x).as(in.uncertainName(j)).isFinite();
            if (in.uncertainName(j).endsWith("cost_per_lead") || in.uncertainName(j).endsWith("acv")
                    || in.uncertainName(j).endsWith("leads_per_rep_month")) {
                assertThat(x).as(in.uncertainName(j)).isPositive();
            }
        }
        TrialState s = m.newState();
        m.kernel().run(3, u, s);
        for (int t = 0; t < m.horizon(); t++) {
            assertThat(s.value(Metric.CUMULATIVE_PROFIT, t)).isFinite();
            assertThat(s.value(Metric.LEADS, t)).isFinite().isNotNegative();
        }
    }
}
