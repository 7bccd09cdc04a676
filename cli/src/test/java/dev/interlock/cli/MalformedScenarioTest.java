package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad scenarios through the real command line: each must exit with code 2, print a message that names
 * the file, the line and the key path (or the file-level problem), print no stack trace, and leave
 * nothing in the output directory.
 */
class MalformedScenarioTest {
    static final String VALID = """
            name: ok
            trials: 200
            horizon_months: 6
            marketing:
              channels:
                - name: paid
                  spend: {base: 10000}
                  response: {type: linear, cost_per_lead: 100}
            funnel:
              qualification_rate: 0.3
              win_rate: 0.2
              sales_cycle_months: [0.5, 0.5]
            sales:
              reps: 2
              leads_per_rep_month: 20
            onboarding:
              staff: 2
              customers_per_staff_month: 4
            retention:
              model: constant
              monthly_churn: 0.02
            revenue:
              acv: 12000
            finance:
              gross_margin: 0.8
            """;

    static String with(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return VALID.replace(from, to);
    }

    static String bomb() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            b.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j > 0 ? ", " : "").append('*').append((char) ('a' + i - 1));
            }
            b.append("]\n");
        }
        return b.toString();
    }

    static String deep() {
        return "name: " + "[".repeat(200) + "]".repeat(200) + "\n";
    }

    /** (case name, file content, text the message must contain: a key path, or a file-level phrase). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("wrong type: text for a number", with("reps: 2", "reps: two"), "sales.reps"),
                Arguments.of("quoted number", with("staff: 2", "staff: \"2\""), "onboarding.staff"),
                Arguments.of("fraction for a whole number", with("reps: 2", "reps: 2.5"), "sales.reps"),
                Arguments.of("probability above 1", with("win_rate: 0.2", "win_rate: 1.2"), "funnel.win_rate"),
                Arguments.of("negative probability", with("monthly_churn: 0.02", "monthly_churn: -0.1"),
                        "retention.monthly_churn"),
                Arguments.of("negative spend", with("spend: {base: 10000}", "spend: {base: -5}"),
                        "marketing.channels[0].spend.base"),
                Arguments.of("unknown key with suggestion", with("win_rate: 0.2", "win_rate: 0.2\n  win_rat: 0.3"),
                        "did you mean 'win_rate'"),
                Arguments.of("unknown top-level key", with("name: ok", "name: ok\nhorizon: 12"), "horizon"),
                Arguments.of("missing required key", with("  win_rate: 0.2\n", ""), "funnel.win_rate"),
                Arguments.of("missing section", with("finance:\n  gross_margin: 0.8\n", ""), "finance"),
                Arguments.of("unknown distribution", with("win_rate: 0.2", "win_rate: {dist: betta, mean: 0.2, sd: 0.1}"),
                        "funnel.win_rate.dist"),
                Arguments.of("distribution without dist", with("win_rate: 0.2", "win_rate: {mean: 0.2, sd: 0.1}"),
                        "funnel.win_rate.dist"),
                Arguments.of("beta sd too large", with("win_rate: 0.2", "win_rate: {dist: beta, mean: 0.2, sd: 0.5}"),
                        "funnel.win_rate"),
                Arguments.of("lognormal p90 below median",
                        with("cost_per_lead: 100", "cost_per_lead: {dist: lognormal, median: 100, p90: 50}"),
                        "cost_per_lead"),
                Arguments.of("triangular out of order",
                        with("acv: 12000", "acv: {dist: triangular, min: 5, mode: 1, max: 9}"), "revenue.acv"),
                Arguments.of("negative sd", with("acv: 12000", "acv: {dist: normal, mean: 12000, sd: -3}"),
                        "revenue.acv.sd"),
                Arguments.of("NaN written in YAML", with("gross_margin: 0.8", "gross_margin: .nan"),
                        "finance.gross_margin"),
                Arguments.of("infinity written in YAML", with("spend: {base: 10000}", "spend: {base: .inf}"),
                        "spend.base"),
                Arguments.of("sales cycle not summing to 1", with("[0.5, 0.5]", "[0.5, 0.6]"),
                        "funnel.sales_cycle_months"),
                Arguments.of("horizon of zero", with("horizon_months: 6", "horizon_months: 0"), "horizon_months"),
                Arguments.of("hire after the horizon",
                        with("leads_per_rep_month: 20", "leads_per_rep_month: 20\n  hires: [{month: 9, count: 1}]"),
                        "sales.hires[0].month"),
                Arguments.of("channels not a list", with("  channels:\n    - name: paid\n      spend: {base: 10000}\n"
                        + "      response: {type: linear, cost_per_lead: 100}\n", "  channels: paid\n"),
                        "marketing.channels"),
                Arguments.of("duplicate key", with("reps: 2", "reps: 2\n  reps: 3"), "duplicate key 'reps'"),
                Arguments.of("alias bomb", bomb(), "alias"),
                Arguments.of("deep nesting", deep(), "not valid YAML"),
                Arguments.of("Java type tag", "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                        + "[[!!java.net.URL [\"http://localhost/\"]]]]\n", "tag"),
                Arguments.of("custom tag", with("name: ok", "name: !secret ok"), "tag"),
                Arguments.of("empty file", "", "empty"),
                Arguments.of("only a comment", "# nothing here\n", "empty"),
                Arguments.of("not YAML", "name: [unclosed\nhorizon_months: {\n", "not valid YAML"),
                Arguments.of("a list, not a mapping", "- a\n- b\n", "expected a mapping"),
                Arguments.of("binary garbage", "\u0000\u0001\u0002 not text", "not valid YAML"),
                Arguments.of("unknown response type",
                        with("type: linear", "type: logistic"), "marketing.channels[0].response.type"),
                Arguments.of("unknown structure selected", with("name: ok", "name: ok\nstructure: matrix"),
                        "structure"),
                Arguments.of("bad start month", with("name: ok", "name: ok\nstart_month: January"), "start_month"),
                Arguments.of("seasonality of 11 months",
                        with("spend: {base: 10000}", "spend: {base: 10000, seasonality: [1,1,1,1,1,1,1,1,1,1,1]}"),
                        "seasonality"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badScenarioExitsTwoWithLocatedMessageAndWritesNothing(String name, String content, String expected,
                                                              @TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", file.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).contains(expected);
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        boolean fileLevel = content.isBlank() || content.startsWith("#");
        if (!fileLevel) {
            assertThat(r.err()).as("a line number").containsPattern("bad\\.yaml:\\d+");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
        }
    }
}
