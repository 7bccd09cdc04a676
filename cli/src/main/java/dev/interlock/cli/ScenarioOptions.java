package dev.interlock.cli;

import dev.interlock.engine.run.Runner;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and the options every simulating command spells the same way. */
final class ScenarioOptions {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML). See scenarios/ for examples.")
    Path scenario;

    @Option(names = "--trials", paramLabel = "N",
            description = "Number of trials (possible futures). Default: the scenario's `trials` (10,000 if unset).")
    Integer trials;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed for every random draw. Default: the scenario's `seed`. Same seed, same numbers.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads. Default: all cores. Never changes a result, only the speed.")
    Integer threads;

    @Option(names = "--batch", paramLabel = "TRIALS", hidden = false,
            description = "Trials per work unit, rounded up to whole blocks of " + Runner.BLOCK
                    + ". Default: ${DEFAULT-VALUE}. Never changes a result.", defaultValue = "" + Runner.BLOCK)
    int batch;

    Scenario load(String structure) {
        Scenario s = ScenarioLoader.load(scenario);
        if (trials != null && (trials < 1 || trials > ScenarioLoader.MAX_TRIALS)) {
            throw new InputException(new Problem("--trials", 0, 0, "", "expected a whole number from 1 to "
                    + ScenarioLoader.MAX_TRIALS + ", found " + trials));
        }
        if (structure != null && !s.structures().containsKey(structure)) {
            String near = dev.interlock.engine.scenario.Suggest.nearest(structure, s.structures().keySet());
            throw new InputException(new Problem("--structure", 0, 0, "", "expected one of "
                    + String.join(", ", s.structures().keySet()) + ", found '" + structure + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "")));
        }
        return s.with(seed != null ? seed : s.seed(), trials != null ? trials : s.trials(),
                structure != null ? structure : s.structure());
    }

    int threads() {
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new InputException(new Problem("--threads", 0, 0, "", "expected a whole number from 1 to 1024, found "
                    + threads));
        }
        return threads != null ? threads : Runner.defaultThreads();
    }

    int batch() {
        if (batch < 1 || batch > ScenarioLoader.MAX_TRIALS) {
            throw new InputException(new Problem("--batch", 0, 0, "", "expected a whole number from 1 to "
                    + String.format(java.util.Locale.ROOT, "%,d", ScenarioLoader.MAX_TRIALS) + " (trials per work unit), found " + batch));
        }
        return batch;
    }
}
