package dev.interlock.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.stats.Stats;
import dev.interlock.engine.testing.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that keeps only the summary figures (what sensitivity needs) gives the same summary statistics. */
class SummaryOnlyTest {
    @Test
    void summaryFiguresAreTheSameAndMonthlyQuestionsAreRefused() throws Exception {
        Scenario sc = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        CompiledModel m = CompiledModel.of(sc);
        List<CompiledModel> two = List.of(m, m);
        Stats full = new Runner(2, 1000, Progress.NONE, UniformSource.PLAIN).run(two, 1500, BlockSink.NONE).first();
        Stats lean = new Runner(2, 1000, Progress.NONE, UniformSource.PLAIN).summaryOnly()
                .run(two, 1500, BlockSink.NONE).first();
        assertThat(full.hasMonthly()).isTrue();
        assertThat(lean.hasMonthly()).isFalse();
        assertThat(lean.trials()).isEqualTo(full.trials()).isEqualTo(1500);
        for (Summary f : Summary.values()) {
            assertThat(lean.mean(f)).as(f.name()).isEqualTo(full.mean(f));
            assertThat(lean.quantile(f, 0.9)).as(f.name()).isEqualTo(full.quantile(f, 0.9));
        }
        assertThatThrownBy(() -> lean.mean(Metric.LEADS, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the summary figures");
    }
}
