package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MODEL.md section 7: the same seed gives the same bytes whatever the thread count or batch size. */
class DeterminismTest {
    static final List<String> FILES = List.of("monthly.csv", "trials.csv", "summary.json", "scenario.resolved.yaml");

    @Test
    void sameSeedSameBytesAtAnyThreadCountAndBatchSize(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        s = s.with(s.seed(), 4500, s.structure());   // 5 blocks, the last one partial
        // the last: a batch near 2^31 trials, whose block count once overflowed and hung the workers
        int[][] configs = {{1, 1000}, {2, 1000}, {7, 1000}, {2, 3000}, {7, 2000}, {2, Integer.MAX_VALUE}};
        Path reference = null;
        for (int[] c : configs) {
            Path dir = tmp.resolve("t" + c[0] + "b" + c[1]);
            Simulation.run(s, new Simulation.Options(c[0], c[1], Progress.NONE), dir);
            if (reference == null) {
                reference = dir;
                continue;
            }
            for (String f : FILES) {
                assertThat(Files.readAllBytes(dir.resolve(f))).as("%s at %d threads, batch %d", f, c[0], c[1])
                        .isEqualTo(Files.readAllBytes(reference.resolve(f)));
            }
        }
        assertThat(Files.readAllLines(reference.resolve("trials.csv"))).hasSize(4501);
    }

    @Test
    void differentSeedsGiveDifferentResults(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        Simulation.run(s.with(1, 1000, s.structure()), new Simulation.Options(2, 1000, Progress.NONE), tmp.resolve("a"));
        Simulation.run(s.with(2, 1000, s.structure()), new Simulation.Options(2, 1000, Progress.NONE), tmp.resolve("b"));
        assertThat(Files.readAllBytes(tmp.resolve("a/monthly.csv")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("b/monthly.csv")));
    }
}
