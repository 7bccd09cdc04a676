package dev.interlock.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation complete: every key the loader accepts is in {@code docs/scenario-reference.md},
 * every key documented there is one the loader accepts, and every output metric and summary figure is in
 * {@code docs/model.md}.
 *
 * <p>The accepted keys are collected with a {@link KeyRecorder} while loading every shipped scenario and
 * the kitchen-sink scenarios under {@code src/test/resources/docs/}, which between them take every branch
 * of the loader (both response types, both retention models, every distribution kind, spend by plan and
 * by base/growth/seasonality, hires, hiring, spend pacing as a map and as a boolean, includes, merge keys).
 *
 * <p>How a recorded (schema path, key) must appear in the reference: as the first cell of a table row,
 * {@code | `schemaPath.key` |} (just {@code `key`} at the top level). Distribution parameters, recorded
 * under {@code <distribution>}, must appear as {@code `key`} in the Parameters column of the table of the
 * "Distributions" section, which has a row {@code | `kind` |} for every kind; the {@code dist} key itself
 * must be named in that section.
 */
class DocsCoverageTest {
    static final String DISTRIBUTION_SCHEMA = "<distribution>";
    static final String DIST_SECTION = "## Distributions";
    static final String METRICS_SECTION = "## Output metrics";
    static final String SUMMARY_SECTION = "## Summary figures";
    /** A table row whose first cell is one backticked key path. */
    static final Pattern KEY_ROW = Pattern.compile("(?m)^\\|\\s*`([^`\\s]+)`\\s*\\|");
    /** A row of the distributions table: kind, then the parameters cell. */
    static final Pattern KIND_ROW = Pattern.compile("(?m)^\\|\\s*`([a-z]+)`\\s*\\|([^|]*)\\|");
    static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    static Path repoFile(String first, String... more) {
        Path p = Path.of("..", first).resolve(Path.of("", more));
        return Files.exists(p) ? p : Path.of(first).resolve(Path.of("", more));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** The text of a "## " section of a Markdown document, up to the next "## " heading. */
    static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as("heading '%s' in the document", heading).isGreaterThanOrEqualTo(0);
        int end = doc.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    static String withoutSection(String doc, String heading) {
        String s = section(doc, heading);
        return doc.replace(s, "\n");
    }

    /** Shipped scenarios: every scenarios/*.yaml with a top-level name (structures.yaml is an include file). */
    static List<Path> shippedScenarios() throws IOException {
        Path dir = repoFile("scenarios");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (Pattern.compile("(?m)^name:").matcher(read(p)).find()) {
                    out.add(p);
                }
            }
        }
        assertThat(out).as("shipped scenarios in %s", dir.toAbsolutePath()).isNotEmpty();
        return out;
    }

    static List<Path> kitchenSinks() throws URISyntaxException {
        List<Path> out = new ArrayList<>();
        for (String name : List.of("kitchen-sink.yaml", "kitchen-sink-churn.yaml")) {
            out.add(Path.of(DocsCoverageTest.class.getResource("/docs/" + name).toURI()));
        }
        return out;
    }

    /**
     * Every (schema path, key) the loader accepts, written as the reference writes it: {@code schemaPath.key},
     * {@code key} at the top level, {@code <distribution>.key} for distribution parameters.
     */
    static Set<String> recordedKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        KeyRecorder recorder = (schemaPath, key) -> {
            if (schemaPath.equals("structures")) {
                // Structure names are the user's, not schema keys. KeyRecorder promises them as <name>, but
                // MapReader.map(name, "<name>") reports the name itself at this level; accept both, and
                // document the level once, as structures.<name>.
                key = "<name>";
            }
            keys.add(schemaPath.isEmpty() ? key : schemaPath + "." + key);
        };
        List<Path> files = new ArrayList<>(shippedScenarios());
        files.addAll(kitchenSinks());
        for (Path f : files) {
            ScenarioLoader.load(f, recorder);
        }
        return keys;
    }

    static void failIfAny(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            fail(what + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }

    /** Parameter names in the Parameters column of the distributions table, and the kinds with a row. */
    static Set<String> documentedParameters(String dists, Set<String> kinds) {
        Set<String> params = new TreeSet<>();
        Matcher row = KIND_ROW.matcher(dists);
        while (row.find()) {
            kinds.add(row.group(1));
            Matcher p = BACKTICKED.matcher(row.group(2));
            while (p.find()) {
                params.add(p.group(1));
            }
        }
        return params;
    }

    @Test
    void everyAcceptedKeyIsInTheScenarioReference() throws Exception {
        String doc = read(repoFile("docs", "scenario-reference.md"));
        String dists = section(doc, DIST_SECTION);
        Set<String> kinds = new TreeSet<>();
        Set<String> params = documentedParameters(dists, kinds);
        List<String> missing = new ArrayList<>();
        for (String k : recordedKeys()) {
            if (k.equals(DISTRIBUTION_SCHEMA + ".dist")) {
                if (!dists.contains("`dist`")) {
                    missing.add("`dist` (the kind key) in section '" + DIST_SECTION + "'");
                }
            } else if (k.startsWith(DISTRIBUTION_SCHEMA + ".")) {
                String param = k.substring(DISTRIBUTION_SCHEMA.length() + 1);
                if (!params.contains(param)) {
                    missing.add("`" + param + "` in the Parameters column of a kind's row in section '"
                            + DIST_SECTION + "'");
                }
            } else if (!doc.contains("| `" + k + "` |")) {
                missing.add("| `" + k + "` |");
            }
        }
        for (String kind : MapReader.DIST_KINDS) {
            if (!kinds.contains(kind)) {
                missing.add("| `" + kind + "` | (a row of the table in section '" + DIST_SECTION + "')");
            }
        }
        failIfAny(missing, "keys the loader accepts that docs/scenario-reference.md does not document; add a "
                + "table row starting with each");
    }

    @Test
    void everyDocumentedKeyIsAcceptedByTheLoader() throws Exception {
        String doc = withoutSection(read(repoFile("docs", "scenario-reference.md")), DIST_SECTION);
        Set<String> recorded = recordedKeys();
        List<String> unknown = new ArrayList<>();
        Matcher m = KEY_ROW.matcher(doc);
        int rows = 0;
        while (m.find()) {
            rows++;
            if (!recorded.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        assertThat(rows).as("key rows in docs/scenario-reference.md").isGreaterThan(50);
        failIfAny(unknown, "keys docs/scenario-reference.md documents that the loader never accepted while "
                + "loading the shipped and kitchen-sink scenarios (a stale row, or a branch the kitchen sink "
                + "misses)");
    }

    @Test
    void everyMetricAndSummaryFigureIsInTheModelDoc() throws IOException {
        String doc = read(repoFile("docs", "model.md"));
        String metrics = section(doc, METRICS_SECTION);
        String figures = section(doc, SUMMARY_SECTION);
        List<String> missing = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (!metrics.contains("| `" + m.key() + "` |")) {
                missing.add("metric `" + m.key() + "` in section '" + METRICS_SECTION + "'");
            }
        }
        for (Summary s : Summary.values()) {
            if (!figures.contains("| `" + s.key() + "` |")) {
                missing.add("summary figure `" + s.key() + "` in section '" + SUMMARY_SECTION + "'");
            }
        }
        failIfAny(missing, "outputs docs/model.md does not document; add a table row starting with | `key` |");
    }

    /** The table that helps choose sBG α and β states what the model's survival gives for those values. */
    @Test
    void theSbgRetentionTableMatchesTheModelsSurvival() throws IOException {
        List<String> lines = Files.readAllLines(repoFile("docs", "scenario-reference.md"));
        int start = lines.indexOf("| α | β | churn in month 1 | kept after 12 months | after 24 | after 36 |");
        assertThat(start).as("the α/β table in docs/scenario-reference.md").isPositive();
        int rows = 0;
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] c = lines.get(i).replace("%", "").split("\\|");
            double a = Double.parseDouble(c[1].trim());
            double b = Double.parseDouble(c[2].trim());
            assertThat(Double.parseDouble(c[3].trim())).as("row %s", lines.get(i))
                    .isCloseTo(100 * a / (a + b), org.assertj.core.data.Offset.offset(0.051));
            // the product the model uses month by month (Retention): S(τ) = Π (β + k − 1)/(α + β + k − 1)
            double survive = 1;
            int column = 4;
            for (int tau = 1; tau <= 36; tau++) {
                survive *= (b + tau - 1) / (a + b + tau - 1);
                if (tau % 12 == 0) {
                    assertThat(Double.parseDouble(c[column++].trim())).as("row %s, %d months", lines.get(i), tau)
                            .isCloseTo(100 * survive, org.assertj.core.data.Offset.offset(0.51));
                }
            }
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(5);
    }
}
