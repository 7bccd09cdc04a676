package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `interlock report` and `interlock run --report` through the real command line. */
class ReportCommandTest {
    static final String SAAS = shipped("saas.yaml");
    static final String[] RUN_FILES = {"monthly.csv", "trials.csv", "summary.json", "scenario.resolved.yaml"};

    static String shipped(String name) {
        Path p = Path.of("..", "scenarios", name);
        return (Files.exists(p) ? p : Path.of("scenarios", name)).toString();
    }

    @Test
    void reportWritesTheRunFilesTheReportAndEveryChart(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r");
        Cli r = Cli.run("report", SAAS, "-o", out.toString(), "--trials", "300", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : RUN_FILES) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        Document doc = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        int images = doc.select("img").size();
        assertThat(images).isGreaterThanOrEqualTo(10);
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")))
                    .hasSize(2 * images);
        }
        assertThat(r.out()).contains("report.html").contains(images + " charts");
    }

    @Test
    void runWithReportFlagAddsTheReportToTheRunDirectory(@TempDir Path tmp) {
        Path out = tmp.resolve("r");
        Cli r = Cli.run("run", SAAS, "-o", out.toString(), "--trials", "200", "--threads", "1", "--report");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(out.resolve("charts/capacity-onboarding.svg")).isRegularFile();
        assertThat(out.resolve("monthly.csv")).isRegularFile();
    }

    @Test
    void runWithoutTheFlagWritesNoReport(@TempDir Path tmp) {
        Path out = tmp.resolve("r");
        Cli r = Cli.run("run", SAAS, "-o", out.toString(), "--trials", "200", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(out.resolve("charts")).doesNotExist();
        assertThat(r.out()).doesNotContain("report.html");
    }

    @Test
    void sameSeedGivesTheSameReportAtAnyThreadCount(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Cli.run("report", SAAS, "-o", a.toString(), "--trials", "2500", "--threads", "1").code()).isZero();
        assertThat(Cli.run("report", SAAS, "-o", b.toString(), "--trials", "2500", "--threads", "3").code()).isZero();
        assertThat(Files.readAllBytes(b.resolve("report.html"))).isEqualTo(Files.readAllBytes(a.resolve("report.html")));
        assertThat(Files.readAllBytes(b.resolve("charts/profit-histogram.svg")))
                .isEqualTo(Files.readAllBytes(a.resolve("charts/profit-histogram.svg")));
    }

    @Test
    void reportIntoAFileIsBadInputAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Cli r = Cli.run("report", SAAS, "-o", file.toString(), "--trials", "200");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt").contains("expected an output directory, found a file")
                .doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void reportOfAMissingScenarioIsBadInput(@TempDir Path tmp) {
        Cli r = Cli.run("report", tmp.resolve("nope.yaml").toString(), "-o", tmp.resolve("r").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml").contains("no such file");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void reportIntoSomeoneElsesDirectoryIsRefused(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "x");
        Cli r = Cli.run("report", SAAS, "-o", mine.toString(), "--trials", "200");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Choose another -o directory");
        assertThat(mine.resolve("report.html")).doesNotExist();
    }

    @Test
    void helpExplainsTheFilesAndGivesAnExample() {
        Cli r = Cli.run("help", "report");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("report.html").contains("charts/").contains("Examples:")
                .contains("interlock report scenarios/saas.yaml -o");
        assertThat(Cli.run("help").out()).contains("report");
        assertThat(Cli.run("help", "run").out()).contains("--report");
    }
}
