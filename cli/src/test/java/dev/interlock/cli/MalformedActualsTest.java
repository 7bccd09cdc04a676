package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad actuals files (CRM exports) through `interlock calibrate` and `interlock backtest`: each must exit
 * with code 2, name the file and the row (line) where there is one, print no stack trace, and write
 * nothing.
 */
class MalformedActualsTest {
    static final String GOOD = """
            month,leads,wins,closes,active_customers,mrr
            2024-01,100,20,18,18,36000
            2024-02,110,22,20,36,72000
            2024-03,120,25,22,55,110000
            2024-04,130,26,25,78,156000
            """;

    static String with(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return GOOD.replace(from, to);
    }


    /** (case, content, text the message must contain, whether a line number must be named). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("non-numeric cell", with("2024-02,110", "2024-02,lots"), "leads", true),
                Arguments.of("negative count", with("2024-02,110", "2024-02,-110"), "leads", true),
                Arguments.of("fractional count", with("2024-02,110", "2024-02,110.5"), "leads", true),
                Arguments.of("NaN cell", with("2024-02,110", "2024-02,NaN"), "leads", true),
                Arguments.of("Infinity cell", with("36000", "Infinity"), "mrr", true),
                Arguments.of("huge number", with("36000", "1e400"), "mrr", true),
                Arguments.of("month out of order", with("2024-02,110,22,20,36,72000\n2024-03",
                        "2024-03,110,22,20,36,72000\n2024-02"), "month", true),
                Arguments.of("duplicated month", with("2024-02,110", "2024-01,110"), "month", true),
                Arguments.of("bad month format", with("2024-02,110", "Feb 2024,110"), "month", true),
                Arguments.of("month 13", with("2024-02,110", "2024-13,110"), "month", true),
                Arguments.of("missing month column", with("month,leads", "period,leads"), "month", false),
                Arguments.of("unknown column with suggestion", with("month,leads", "month,leeds"), "leads", false),
                Arguments.of("duplicated column", with("month,leads", "month,leads,leads").replace("2024-01,100,",
                        "2024-01,100,100,").replace("2024-02,110,", "2024-02,110,110,").replace("2024-03,120,",
                        "2024-03,120,120,").replace("2024-04,130,", "2024-04,130,130,"), "leads", false),
                Arguments.of("row with too many cells", with("2024-02,110,22,20,36,72000", "2024-02,110,22,20,36,72000,9"),
                        "bad.csv", true),
                Arguments.of("empty file", "", "bad.csv", false),
                Arguments.of("header only", "month,leads\n", "bad.csv", false),
                Arguments.of("Latin-1 bytes", "month,leads\n2024-01,1\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                        "bad.csv", false),
                Arguments.of("binary garbage", new byte[] {0, 1, 2, 3, (byte) 0xFF, 10}, "bad.csv", false),
                Arguments.of("BOM and CRLF with a bad cell", Cli.bom(with("2024-03,120", "2024-03,x").replace("\n", "\r\n")),
                        "leads", true),
                Arguments.of("10 MB file", GOOD + "#" + "x".repeat(10 << 20) + "\n", "bad.csv", false),
                Arguments.of("unclosed quote", with("2024-02,110", "2024-02,\"110"), "bad.csv", false),
                Arguments.of("revenue beyond 10^15 (fuzzer finding)", with("36000", "2944444444444444444444444"),
                        "mrr", true),
                Arguments.of("count beyond 10^12", with("2024-02,110", "2024-02,11000000000000"), "leads", true),
                Arguments.of("a gap of months", with("2024-02,110,22,20,36,72000\n", ""), "month", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badActualsExitTwoWithALocatedMessageAndWriteNothing(String name, Object content, String expected,
                                                            boolean located, @TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.write(bad, content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("out.yaml");
        Cli r = Cli.run("calibrate", bad.toString(), "-o", out.toString());
        assertThat(r.code()).as("calibrate: " + r.err() + r.out()).isEqualTo(2);
        assertThat(r.err()).contains(bad.toString()).contains(expected).doesNotContain("\tat ")
                .doesNotContain("Exception");
        if (located) {
            assertThat(r.err()).containsPattern("bad\\.csv:\\d+");
        }
        assertThat(out).doesNotExist();

        Path dir = tmp.resolve("bt");
        Cli b = Cli.run("backtest", Path.of("..", "scenarios", "saas.yaml").toString(), "--actuals", bad.toString(),
                "--train-months", "2", "-o", dir.toString());
        assertThat(b.code()).as("backtest: " + b.err()).isEqualTo(2);
        assertThat(b.err()).contains(bad.toString()).doesNotContain("\tat ");
        assertThat(dir).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("bad.csv");
        }
    }
}
