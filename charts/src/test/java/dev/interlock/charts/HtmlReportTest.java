package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.charts.TableSection.Cell;
import dev.interlock.charts.TableSection.Column;
import dev.interlock.charts.TableSection.Table;
import dev.interlock.engine.Version;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.scenario.Scenario;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a 500-trial saas run, written once, parsed with jsoup (an HTML5 parser) and inspected. */
class HtmlReportTest {
    static TestRuns.Run run;
    static Path dir;
    static RunReport.Written written;
    static Document doc;
    static int figures;

    @BeforeAll
    static void writeReport(@TempDir Path tmp) throws Exception {
        run = TestRuns.saas();
        dir = tmp.resolve("report");
        try (OutputDir out = OutputDir.open(dir)) {
            written = RunReport.write(out, run.scenario(), run.result(), InterlockTheme.standard());
            out.commit();
        }
        doc = Jsoup.parse(dir.resolve(RunReport.HTML).toFile(), "UTF-8");
        figures = RunReport.figures(run.scenario(), run.stats(), run.ctx(), InterlockTheme.standard()).stream()
                .mapToInt(g -> g.figures().size()).sum();
    }

    @Test
    void parsesAsHtmlWithoutErrors() throws Exception {
        Parser parser = Parser.htmlParser().setTrackErrors(100);
        Jsoup.parse(Files.readString(dir.resolve(RunReport.HTML), StandardCharsets.UTF_8), "", parser);
        assertThat(parser.getErrors()).isEmpty();
        assertThat(doc.title()).contains(run.scenario().name());
        assertThat(doc.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    }

    @Test
    void embedsEveryChartAsADecodablePngOfTheThemeSize() throws Exception {
        List<Element> imgs = doc.select("img");
        assertThat(figures).isGreaterThanOrEqualTo(10);
        assertThat(imgs).hasSize(figures);
        for (Element img : imgs) {
            String src = img.attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                    Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
            assertThat(png).isNotNull();
            assertThat(png.getWidth()).isEqualTo(InterlockTheme.standard().width());
            assertThat(png.getHeight()).isEqualTo(InterlockTheme.standard().height());
            assertThat(img.attr("alt")).isNotBlank();
        }
    }

    @Test
    void writesEveryChartAsPngAndSvgBesideTheReport() {
        assertThat(written.chartFiles()).hasSize(2 * figures);
        for (String f : written.chartFiles()) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        for (Element fig : doc.select("figure")) {
            String name = fig.id().substring("fig-".length());
            assertThat(dir.resolve(RunReport.CHARTS).resolve(name + ".png")).isRegularFile();
            assertThat(dir.resolve(RunReport.CHARTS).resolve(name + ".svg")).isRegularFile();
        }
    }

    @Test
    void writtenInParallelItIsTheReportOfTheFiguresRenderedOneByOne() throws Exception {
        List<RunReport.FigureGroup> groups = RunReport.figures(run.scenario(), run.stats(), run.ctx(),
                InterlockTheme.standard());
        List<Figure> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.figures()));
        List<ChartWriter.Rendered> rendered = new ArrayList<>();
        for (Figure f : all) {
            rendered.add(ChartWriter.render(f, InterlockTheme.standard()));
        }
        assertThat(Files.readString(dir.resolve(RunReport.HTML), StandardCharsets.UTF_8))
                .isEqualTo(RunReport.report(run.scenario(), run.result(), groups, rendered).html());
        for (ChartWriter.Rendered r : rendered) {
            Path charts = dir.resolve(RunReport.CHARTS);
            assertThat(Files.readAllBytes(charts.resolve(r.figure().name() + ".png"))).isEqualTo(r.png());
            assertThat(Files.readString(charts.resolve(r.figure().name() + ".svg"))).isEqualTo(r.svg());
        }
    }

    @Test
    void aChartThatCannotBeWrittenFailsTheReportAndNoTaskIsLeftRunning(@TempDir Path tmp) throws Exception {
        try (OutputDir out = OutputDir.open(tmp.resolve("report"))) {
            Files.createDirectories(out.file(RunReport.CHARTS).resolve("fan-leads.png"));   // a directory in the way
            assertThatThrownBy(() -> RunReport.write(out, run.scenario(), run.result(), InterlockTheme.standard()))
                    .isInstanceOf(IOException.class);
            // no chart task is still running (a pool thread may still be on its way out of the executor, but
            // none may be inside Interlock's code: that would be a task writing into the staging directory)
            assertThat(Thread.getAllStackTraces().entrySet()).noneMatch(e -> e.getKey().getName().equals("interlock-chart")
                    && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.interlock")));
        }
        assertThat(tmp.resolve("report")).doesNotExist();
    }

    @Test
    void needsNoNetworkAndNoOtherFile() {
        assertThat(doc.select("link, script, iframe, object, embed")).isEmpty();
        for (Element e : doc.select("[src]")) {
            assertThat(e.attr("src")).startsWith("data:");
        }
        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).startsWith("#");
        }
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void summaryOnTopStatesTheComputedFindings() {
        Element first = doc.selectFirst("main > section");
        assertThat(first.id()).isEqualTo("summary");
        List<String> items = first.select("li").eachText();
        assertThat(items).containsExactlyElementsOf(Findings.of(run.stats(), run.ctx()));
        assertThat(String.join(" ", items)).contains("onboarding falls short in at least 9 of 10 futures")
                .contains("Cumulative profit over 36 months is positive in ");
    }

    @Test
    void capacityTableHasOneRowPerMonth() {
        Element table = doc.selectFirst("#by-month table");
        assertThat(table.select("tbody tr")).hasSize(run.scenario().horizonMonths());
        assertThat(table.select("td.risk")).as("the saas scenario has months at risk").isNotEmpty();
    }

    @Test
    void assumptionsListEveryUncertainInputWithItsDistribution() {
        var inputs = CompiledModel.of(run.scenario()).inputs();
        List<Element> rows = doc.select("#assumptions tbody tr");
        assertThat(rows).hasSize(inputs.uncertainCount());
        for (int j = 0; j < inputs.uncertainCount(); j++) {
            assertThat(rows.get(j).child(0).text()).isEqualTo(inputs.uncertainName(j));
            assertThat(rows.get(j).child(1).text()).startsWith(inputs.uncertainDist(j).kind() + " (");
        }
    }

    @Test
    void showsTheSeedAndTheVersion() {
        String text = doc.text();
        assertThat(text).contains("seed " + run.scenario().seed()).contains("Interlock " + Version.describe());
        assertThat(doc.selectFirst("footer").text()).contains(Long.toString(run.scenario().seed()));
    }

    @Test
    void scenarioNamesAreEscaped(@TempDir Path tmp) throws Exception {
        Scenario sc = TestRuns.saasWith("name: B2B SaaS baseline", "name: \"<script>alert('x')</script> & <b>Co</b>\"");
        TestRuns.Run r = TestRuns.run(sc.with(sc.seed(), 100, sc.structure()));
        String html = RunReport.report(r.scenario(), r.result(), List.of(), List.of()).html();
        Document d = Jsoup.parse(html);
        assertThat(d.select("script, b")).isEmpty();
        assertThat(d.selectFirst("h1").text()).isEqualTo("<script>alert('x')</script> & <b>Co</b>");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void aLaterAnalysisAddsItsOwnSection() {
        HtmlReport base = RunReport.report(run.scenario(), run.result(), List.of(), List.of());
        Table t = new Table(List.of("structure", "P(profit > 0)"), List.of(Column.LABEL, Column.NUMBER),
                List.of(List.of(Cell.of("siloed"), new Cell("66%", true))));
        Document d = Jsoup.parse(base.with(new TableSection("comparison", "Structures compared", null, t, null)).html());
        assertThat(d.select("main > section").last().id()).isEqualTo("comparison");
        assertThat(d.select("nav a[href=#comparison]")).hasSize(1);
        assertThat(d.select("#comparison td.risk strong").text()).isEqualTo("66%");
    }

    @Test
    void duplicateSectionIdsAreRejected() {
        HtmlReport base = RunReport.report(run.scenario(), run.result(), List.of(), List.of());
        assertThatThrownBy(() -> base.with(new FindingsSection("summary", "Again", List.of("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
    }
}
