package dev.interlock.benchmarks;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scenario every benchmark runs: {@code scenarios/reference.yaml}, Interlock's copy of the NumPy peer
 * ({@code shared/reference/reference.py}). Found through the system property {@code interlock.scenario}
 * (set by {@code benchmarks/run.sh}), else relative to the working directory.
 */
final class Reference {
    private Reference() {
    }

    static Path path() {
        String p = System.getProperty("interlock.scenario");
        if (p != null) {
            return Path.of(p);
        }
        for (String c : new String[] {"scenarios/reference.yaml", "../scenarios/reference.yaml"}) {
            if (Files.exists(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("scenarios/reference.yaml not found: run from the repository root or set"
                + " -Dinterlock.scenario=PATH");
    }

    static Scenario scenario() {
        try {
            return ScenarioLoader.load(path());
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + path() + ": " + e.getMessage(), e);
        }
    }

    static CompiledModel model() {
        return CompiledModel.of(scenario());
    }
}
