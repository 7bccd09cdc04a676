package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    static byte[] latin1(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }


    /** Problems about the whole file have no line to name. */
    static final java.util.Set<String> FILE_LEVEL = java.util.Set.of("empty file", "only a comment", "10 MB file");

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
                        "seasonality"),
                Arguments.of("Latin-1 encoded file", latin1(with("name: ok", "name: café")), "UTF-8"),
                Arguments.of("UTF-8 BOM and CRLF, with an error", Cli.bom(with("reps: 2", "reps: -2").replace("\n", "\r\n")),
                        "sales.reps"),
                Arguments.of("CRLF line ends, with an error", with("staff: 2", "staff: lots").replace("\n", "\r\n"),
                        "onboarding.staff"),
                Arguments.of("tab indentation", with("  reps: 2", "\treps: 2"), "not valid YAML"),
                Arguments.of("huge number", with("acv: 12000", "acv: 1e400"), "revenue.acv"),
                Arguments.of("integer too large", with("reps: 2", "reps: 99999999999999999999"), "sales.reps"),
                Arguments.of("seed beyond 64 bits", with("name: ok", "name: ok\nseed: 1180591620717411303424"),
                        "seed"),
                Arguments.of("10 MB file", with("name: ok", "name: ok\n# " + "x".repeat(10 << 20)), "MiB"),
                Arguments.of("undefined alias", with("reps: 2", "reps: *nowhere"), "not valid YAML"),
                Arguments.of("two documents", VALID + "---\nname: second\n", "not valid YAML"),
                Arguments.of("merge with a scalar", with("reps: 2", "reps: 2\n  <<: 5"), "'<<'"),
                Arguments.of("a list as a key", with("name: ok", "name: ok\n? [a, b]\n: 1"), "plain key"),
                Arguments.of("a gamma narrower than 1/10,000 of its mean (its table took minutes or threw)",
                        with("win_rate: 0.2", "win_rate: {dist: gamma, mean: 0.2, sd: 1e-9}"),
                        "funnel.win_rate: invalid win_rate distribution: sd "),
                Arguments.of("a beta narrower than 1/10,000 of its mean",
                        with("qualification_rate: 0.3", "qualification_rate: {dist: beta, mean: 0.3, sd: 1e-9}"),
                        "is below 1/10,000 of the mean 0.3: a beta this narrow is a fixed value in effect"),
                Arguments.of("trials zero", with("trials: 200", "trials: 0"), "trials"),
                Arguments.of("trials above the maximum", with("trials: 200", "trials: 1000000000"), "trials"),
                Arguments.of("carry-over of 1", with("spend: {base: 10000}", "spend: {base: 10000}\n      carryover: 1"),
                        "carryover"),
                Arguments.of("negative dispersion", with("spend: {base: 10000}",
                        "spend: {base: 10000}\n      dispersion: -0.1"), "dispersion"),
                Arguments.of("hill without max_leads", with("{type: linear, cost_per_lead: 100}",
                        "{type: hill, half_saturation_spend: 5000}"), "max_leads"),
                Arguments.of("sbg without beta", with("model: constant\n  monthly_churn: 0.02", "model: sbg\n  alpha: 1"),
                        "retention.beta"),
                Arguments.of("pert with min above max", with("acv: 12000", "acv: {dist: pert, min: 9, mode: 5, max: 1}"),
                        "revenue.acv"),
                Arguments.of("gamma with negative mean", with("acv: 12000", "acv: {dist: gamma, mean: -5, sd: 1}"),
                        "revenue.acv.mean"),
                Arguments.of("uniform with min equal to max", with("acv: 12000", "acv: {dist: uniform, min: 5, max: 5}"),
                        "revenue.acv"),
                Arguments.of("fixed without value", with("acv: 12000", "acv: {dist: fixed}"), "revenue.acv.value"),
                Arguments.of("lognormal with both parameterisations", with("acv: 12000",
                        "acv: {dist: lognormal, median: 10, p90: 20, mean: 12, sd: 3}"), "revenue.acv"),
                Arguments.of("unknown structure field", with("name: ok", "name: ok\nstructures:\n  s: {handof: 0.9}"),
                        "did you mean 'handoff_quality'"),
                Arguments.of("structure name in capitals", with("name: ok", "name: ok\nstructures:\n  Siloed: {}"),
                        "structures.Siloed"),
                Arguments.of("hold factor above 1", with("name: ok",
                        "name: ok\nstructures:\n  s: {spend_pacing: {hold_factor: 1.5}}"), "hold_factor"),
                Arguments.of("review cadence of 0", with("name: ok",
                        "name: ok\nstructures:\n  s: {review_cadence_months: 0}"), "review_cadence_months"),
                Arguments.of("missing include", with("name: ok", "name: ok\ninclude: nowhere.yaml"), "nowhere.yaml"),
                Arguments.of("compare names an unknown structure", with("name: ok", "name: ok\ncompare: [default, nope]"),
                        "compare"),
                Arguments.of("unknown revenue_starts", with("customers_per_staff_month: 4",
                        "customers_per_staff_month: 4\n  revenue_starts: signature"), "revenue_starts"),
                Arguments.of("target utilization of 0", with("customers_per_staff_month: 4",
                        "customers_per_staff_month: 4\n  hiring: {target_utilization: 0}"), "target_utilization"),
                Arguments.of("negative seasonality", with("spend: {base: 10000}",
                        "spend: {base: 10000, seasonality: [1,1,1,1,1,-1,1,1,1,1,1,1]}"), "seasonality[5]"),
                Arguments.of("plan shorter than the horizon", with("spend: {base: 10000}", "spend: {plan: [1, 2, 3]}"),
                        "spend.plan"),
                Arguments.of("plan and base together", with("spend: {base: 10000}", "spend: {base: 5, plan: [1,1,1,1,1,1]}"),
                        "spend.base"),
                Arguments.of("duplicate channel names", with("  channels:\n", "  channels:\n    - name: paid\n"
                        + "      spend: {base: 1}\n      response: {type: linear, cost_per_lead: 100}\n"), "twice"),
                Arguments.of("channel name with spaces", with("- name: paid", "- name: paid search"),
                        "marketing.channels[0].name"),
                Arguments.of("boolean for a number", with("reps: 2", "reps: yes"), "sales.reps"),
                Arguments.of("growth that explodes spend (fuzzer finding)", with("horizon_months: 6",
                        "horizon_months: 600").replace("spend: {base: 10000}", "spend: {base: 50000, growth: 1.02}"),
                        "marketing.channels[0].spend.growth"),
                Arguments.of("spend above 10^15", with("spend: {base: 10000}", "spend: {base: 1e16}"),
                        "marketing.channels[0].spend.base"));
    }

    @Test
    void aBadByteIsLocatedAtItsOwnLineAndColumnAfterValidNonAsciiText(@TempDir Path tmp) throws IOException {
        String text = "# café — the notes above use UTF-8 correctly\n" + with("reps: 2", "reps: 2X");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf("2X");
        int bad = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 1;   // the X
        utf8[bad] = (byte) 0xFF;
        String[] lines = text.substring(0, at).split("\n", -1);
        int line = lines.length;
        int column = lines[lines.length - 1].length() + 2;
        Path file = tmp.resolve("bad.yaml");
        Files.write(file, utf8);
        Cli r = Cli.run("validate", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":" + line + ":" + column + ": expected text encoded as UTF-8, found the "
                + "byte 0xFF");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badScenarioExitsTwoWithLocatedMessageAndWritesNothing(String name, Object content, String expected,
                                                              @TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.write(file, content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", file.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).contains(expected);
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        if (!FILE_LEVEL.contains(name)) {
            assertThat(r.err()).as("a line number").containsPattern("bad\\.yaml:\\d+");
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
        }
    }
}
