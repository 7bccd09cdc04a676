package dev.interlock.charts;

import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small runs of the shipped scenarios for chart tests: computed once per JVM, 500 trials, one thread. */
final class TestRuns {
    static final int TRIALS = 500;
    private static Run saas;
    private static dev.interlock.engine.analyses.Comparison comparison;

    private TestRuns() {
    }

    record Run(Scenario scenario, RunResult result, ChartContext ctx) {
        dev.interlock.engine.stats.Stats stats() {
            return result.first();
        }
    }

    static Path shipped(String name) {
        Path p = Path.of("..", "scenarios", name);
        return Files.exists(p) ? p : Path.of("scenarios", name);
    }

    /** scenarios/saas.yaml at 500 trials. */
    static synchronized Run saas() {
        if (saas == null) {
            saas = run(ScenarioLoader.load(shipped("saas.yaml")));
        }
        return saas;
    }

    private static dev.interlock.engine.analyses.Sensitivity.Tornado tornado;

    /** A tornado of cumulative profit for scenarios/saas.yaml at 500 trials per bar. */
    static synchronized dev.interlock.engine.analyses.Sensitivity.Tornado tornado() {
        if (tornado == null) {
            Scenario sc = ScenarioLoader.load(shipped("saas.yaml"));
            try {
                tornado = dev.interlock.engine.analyses.Sensitivity.run(sc.with(sc.seed(), TRIALS, sc.structure()),
                        dev.interlock.engine.model.Summary.CUMULATIVE_PROFIT, 0.1, 0.9,
                        new Simulation.Options(1, 1000, Progress.NONE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return tornado;
    }

    /** All five shipped structures of scenarios/saas.yaml compared at 500 trials. */
    static synchronized dev.interlock.engine.analyses.Comparison comparison() {
        if (comparison == null) {
            Scenario sc = ScenarioLoader.load(shipped("saas.yaml"));
            try {
                comparison = dev.interlock.engine.analyses.Compare.run(sc.with(sc.seed(), TRIALS, sc.structure()),
                        sc.compare(), new Simulation.Options(1, 1000, Progress.NONE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return comparison;
    }

    /** scenarios/saas.yaml with its text changed (for names, structures), loaded with its includes. */
    static Scenario saasWith(String from, String to) {
        try {
            Path file = shipped("saas.yaml");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException("saas.yaml has no '" + from + "'");
            }
            byte[] bytes = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
            return ScenarioLoader.parse("saas-variant.yaml", bytes, file.toAbsolutePath().getParent(), KeyRecorder.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Run run(Scenario sc) {
        Scenario small = sc.with(sc.seed(), TRIALS, sc.structure());
        try {
            RunResult r = Simulation.run(small, new Simulation.Options(1, 1000, Progress.NONE));
            return new Run(small, r, ChartContext.of(small, r.trials()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
