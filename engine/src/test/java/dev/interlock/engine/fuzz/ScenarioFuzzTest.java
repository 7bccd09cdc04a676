package dev.interlock.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.TrialKernel;
import dev.interlock.engine.model.TrialState;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the scenario loader (Jazzer). Any exception other than {@link InputException} is a bug: the
 * loader must turn every input into either a valid scenario or located problems. A valid scenario must
 * also compile, run two trials to finite values, and write back as YAML that loads again.
 *
 * <p>In the normal test run this replays the committed corpus in
 * {@code src/test/resources/dev/interlock/engine/fuzz/ScenarioFuzzTestInputs/loadScenario/}. To fuzz:
 * <pre>JAZZER_FUZZ=1 mvn -B -pl engine test -Dtest=ScenarioFuzzTest</pre>
 * (10 minutes, see {@code maxDuration}); findings land in that directory as new regression inputs.
 */
class ScenarioFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void loadScenario(byte[] data) {
        Scenario s;
        try {
            s = ScenarioLoader.parse("fuzz.yaml", data, null, KeyRecorder.NONE);
        } catch (InputException e) {
            if (e.problems().isEmpty()) {
                throw new IllegalStateException("an InputException without problems");
            }
            return;
        }
        String yaml = ScenarioYaml.write(s);
        Scenario again = ScenarioLoader.parse("resolved.yaml", yaml.getBytes(StandardCharsets.UTF_8), null,
                KeyRecorder.NONE);
        if (!ScenarioYaml.write(again).equals(yaml)) {
            throw new IllegalStateException("resolved scenario does not round-trip");
        }
        CompiledModel m = CompiledModel.of(s);
        TrialKernel k = m.kernel();
        TrialState st = m.newState();
        double[] u = new double[m.inputs().uncertainCount()];
        for (int trial = 0; trial < 2; trial++) {
            k.runPlain(trial, st, u);
            for (double x : st.out()) {
                if (!Double.isFinite(x)) {
                    throw new IllegalStateException("non-finite output");
                }
            }
        }
    }
}
