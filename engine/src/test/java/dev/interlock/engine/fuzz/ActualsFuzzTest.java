package dev.interlock.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.ActualsReader;
import dev.interlock.engine.analyses.Calibrate;
import dev.interlock.engine.analyses.Calibration;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the actuals reader and the calibration behind it (Jazzer). The input is split into a monthly
 * file and, optionally, a cohort table and a deals table. Any exception other than
 * {@link InputException} is a bug; when the files are read, calibration must estimate without failing
 * and write a scenario that loads.
 *
 * <p>The normal test run replays the committed corpus in
 * {@code src/test/resources/dev/interlock/engine/fuzz/ActualsFuzzTestInputs/readActuals/}. To fuzz:
 * <pre>JAZZER_FUZZ=1 mvn -B -pl engine -am test -Dtest=ActualsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ActualsFuzzTest {
    private static Path dir;

    private static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("interlock-actuals-fuzz");
        }
        return dir;
    }

    /** Removes the scratch directory and the files the inputs were written to (deleteOnExit cannot: not empty). */
    @org.junit.jupiter.api.AfterAll
    static synchronized void removeScratch() throws IOException {
        if (dir != null) {
            try (java.util.stream.Stream<Path> w = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) w.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            dir = null;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readActuals(FuzzedDataProvider data) {
        try {
            Path d = dir();
            Path monthly = d.resolve("monthly.csv");
            Files.write(monthly, data.consumeString(4000).getBytes(StandardCharsets.UTF_8));
            Path cohorts = null;
            if (data.consumeBoolean()) {
                cohorts = d.resolve("cohorts.csv");
                Files.write(cohorts, data.consumeString(4000).getBytes(StandardCharsets.UTF_8));
            }
            Path deals = null;
            if (data.consumeBoolean()) {
                deals = d.resolve("deals.csv");
                Files.write(deals, data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8));
            }
            Actuals a;
            try {
                a = ActualsReader.read(monthly, cohorts, deals);
            } catch (InputException e) {
                if (e.problems().isEmpty()) {
                    throw new IllegalStateException("an InputException without problems");
                }
                return;
            }
            Calibration c;
            try {
                c = Calibrate.estimate(a, null);
            } catch (InputException e) {
                // data that cannot support an estimate is the user's to fix, and says so
                if (e.problems().isEmpty()) {
                    throw new IllegalStateException("calibrate refused the data without saying why");
                }
                return;
            }
            String yaml = Calibrate.write(a, c, null, null).yaml();
            try {
                ScenarioLoader.parse("calibrated.yaml", yaml.getBytes(StandardCharsets.UTF_8), null, KeyRecorder.NONE);
            } catch (InputException e) {
                throw new IllegalStateException("calibrate wrote a scenario that does not load: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
