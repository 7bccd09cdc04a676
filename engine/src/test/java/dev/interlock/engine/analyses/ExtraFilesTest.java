package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.run.Progress;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extra files (the report) are committed with the run's own files, or the directory is left as it was. */
class ExtraFilesTest {
    static final Simulation.Options ONE_THREAD = new Simulation.Options(1, 1000, Progress.NONE);

    static Scenario small() {
        Scenario s = ScenarioLoader.load(TestScenarios.shipped("saas.yaml"));
        return s.with(s.seed(), 200, s.structure());
    }

    @Test
    void extraFilesAppearBesideTheRunFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Simulation.run(small(), ONE_THREAD, dir, (out, r) -> {
            Files.createDirectories(out.file("sub"));
            Files.writeString(out.file("sub/extra.txt"), "trials " + r.trials());
        });
        assertThat(dir.resolve("monthly.csv")).exists();
        assertThat(Files.readString(dir.resolve("sub/extra.txt"))).isEqualTo("trials 200");
    }

    @Test
    void failingExtraFilesLeaveThePreviousResultUntouched(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Simulation.run(small(), ONE_THREAD, dir);
        byte[] before = Files.readAllBytes(dir.resolve("summary.json"));
        Scenario other = small().with(7, 200, small().structure());
        assertThatThrownBy(() -> Simulation.run(other, ONE_THREAD, dir, (out, r) -> {
            Files.writeString(out.file("half-written.txt"), "x");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(dir.resolve("summary.json"))).isEqualTo(before);
        assertThat(dir.resolve("half-written.txt")).doesNotExist();
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }
}
