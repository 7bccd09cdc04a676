package dev.interlock.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.random.DrawTrace;
import dev.interlock.engine.random.Draws;
import dev.interlock.engine.random.StreamRng;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import org.junit.jupiter.api.Test;

/** The recording hook behind the RNG-floor benchmark: it changes no draw, and its replay is exact. */
class DrawTraceTest {

    @Test
    void recordingChangesNoResultAndReplayReproducesEveryDraw() throws Exception {
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped("reference.yaml")));
        TrialKernel kernel = m.kernel();
        TrialState plain = m.newState();
        TrialState recorded = m.newState();
        DrawTrace trace = new DrawTrace();
        recorded.recordDraws(trace);
        double[] u = new double[m.inputs().uncertainCount()];
        for (int trial = 0; trial < 20; trial++) {
            kernel.runPlain(trial, plain, u);
            trace.beginTrial();
            kernel.runPlain(trial, recorded, u);
            assertThat(recorded.out()).containsExactly(plain.out());
            assertThat(recorded.summary()).containsExactly(plain.summary());
        }
        assertThat(trace.trials()).isEqualTo(20);
        assertThat(trace.count(DrawTrace.RESET)).isPositive();
        assertThat(trace.count(DrawTrace.BINOMIAL)).isGreaterThan(trace.count(DrawTrace.POISSON));
        assertThat(trace.count(DrawTrace.LIFETIME)).isGreaterThan(trace.size() / 4);   // runs of a cohort's customers

        StreamRng[] rngs = new StreamRng[TrialState.streamCount()];
        Draws[] draws = new Draws[rngs.length];
        for (int i = 0; i < rngs.length; i++) {
            rngs[i] = new StreamRng();
            draws[i] = new Draws(rngs[i]);
        }
        for (int trial = 0; trial < 20; trial++) {
            trace.replay(trial, rngs, draws, true);   // throws on the first differing variate
        }
    }
}
