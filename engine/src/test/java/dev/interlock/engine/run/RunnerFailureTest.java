package dev.interlock.engine.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class RunnerFailureTest {
    /** A failing sink (a full disk) surfaces as itself, never as another worker's "run stopped". */
    @RepeatedTest(5)
    void theRootCauseOfAFailureIsWhatTheCallerSees() throws Exception {
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped("saas.yaml")));
        BlockSink failing = (first, count, s) -> {
            if (first >= 2000) {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> new Runner(2, 1000, Progress.NONE, UniformSource.PLAIN).run(List.of(m), 20_000, failing))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left");
    }

    /** A worker that dies of an unexpected error must not leave the others waiting forever. */
    @RepeatedTest(3)
    @org.junit.jupiter.api.Timeout(120)   // a liveness bound: before the fix this run hung forever
    void aFailingUniformSourceStopsTheRunInsteadOfHangingIt() throws Exception {
        CompiledModel m = CompiledModel.of(ScenarioLoader.load(TestScenarios.shipped("saas.yaml")));
        UniformSource broken = (model, v, trial, u) -> {
            if (trial == 1500) {
                throw new IllegalStateException("boom at 1500");
            }
            UniformSource.PLAIN.fill(model, v, trial, u);
        };
        assertThatThrownBy(() -> new Runner(2, 1000, Progress.NONE, broken).run(List.of(m), 30_000, BlockSink.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom at 1500");
    }
}
