package dev.interlock.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureTest {
    /** Captured per-trial values reproduce the runner's own means, arrive in trial order, at any thread count. */
    @Test
    void capturedMonthlyValuesArriveInTrialOrderAndMatchTheStatistics() throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("reference.yaml"));
        CompiledModel m = CompiledModel.of(s);
        int trials = 2500;
        int h = m.horizon();
        double[][] seen = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            double[] sums = new double[2 * h];
            long[] next = {0};
            double[] firstTrialLeads = new double[h];
            RunResult r = new Runner(threads, 1000, Progress.NONE, UniformSource.PLAIN)
                    .capture(Metric.LEADS, Metric.BACKLOG)
                    .run(List.of(m), trials, new BlockSink() {
                        @Override
                        public void acceptMonthly(long first, int count, double[][] monthly) {
                            assertThat(first).isEqualTo(next[0]);
                            next[0] += count;
                            for (int i = 0; i < count; i++) {
                                for (int j = 0; j < 2; j++) {
                                    for (int t = 0; t < h; t++) {
                                        double v = monthly[0][(i * 2 + j) * h + t];
                                        sums[j * h + t] += v;
                                        if (first + i == 0 && j == 0) {
                                            firstTrialLeads[t] = v;
                                        }
                                    }
                                }
                            }
                        }

                        @Override
                        public void accept(long first, int count, double[][] summaries) {
                        }
                    });
            assertThat(next[0]).isEqualTo(trials);
            for (int t = 0; t < h; t++) {
                assertThat(sums[t] / trials).isCloseTo(r.first().mean(Metric.LEADS, t),
                        org.assertj.core.data.Offset.offset(1e-9 * sums[t]));
                assertThat(sums[h + t] / trials).isCloseTo(r.first().mean(Metric.BACKLOG, t),
                        org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, sums[h + t])));
            }
            seen[threads - 1] = firstTrialLeads;
        }
        assertThat(seen[0]).containsExactly(seen[1]);
    }
}
