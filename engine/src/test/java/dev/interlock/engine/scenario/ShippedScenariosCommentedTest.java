package dev.interlock.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.testing.TestScenarios;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example scenarios planners start from comment every value they set (unit and meaning). */
class ShippedScenariosCommentedTest {
    static final Pattern LEAF = Pattern.compile("^\\s*(- )?[a-z_0-9]+:\\s*\\S.*$");

    @Test
    void everyValueInTheExampleScenariosCarriesAComment() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String f : List.of("saas.yaml", "marketing-push.yaml", "plg.yaml", "reference.yaml")) {
            List<String> lines = Files.readAllLines(TestScenarios.shipped(f));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!LEAF.matcher(line).matches() || line.contains("#")) {
                    continue;
                }
                // a value continued on the next lines (a long list) may carry its comment on the line above
                boolean commentAbove = i > 0 && lines.get(i - 1).trim().startsWith("#");
                if (!commentAbove) {
                    missing.add(f + ":" + (i + 1) + ": " + line.trim());
                }
            }
        }
        assertThat(missing).as("values without a comment").isEmpty();
    }
}
