package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.model.Summary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The compare report: parses as HTML, embeds every chart, states the ranking and the paired differences. */
class CompareReportTest {
    static final InterlockTheme THEME = InterlockTheme.standard();

    @Test
    void reportParsesAndEmbedsEveryComparisonChart() throws Exception {
        Comparison c = TestRuns.comparison();
        ChartContext ctx = ChartContext.of(c.scenario(), c.run().trials());
        List<Figure> figures = CompareReport.figures(c, ctx, THEME);
        String html = CompareReport.report(c, figures, RunReport.renderAll(figures, THEME)).html();
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document doc = Jsoup.parse(html, "", parser);
        assertThat(parser.getErrors()).isEmpty();
        List<Element> images = doc.select("figure img");
        assertThat(images).hasSize(figures.size()).hasSize(5);
        for (Element img : images) {
            String src = img.attr("src");
            assertThat(src).startsWith("data:image/png;base64,");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(src.substring(src.indexOf(',') + 1))));
            assertThat(png.getWidth()).isEqualTo(THEME.width());
        }
        String text = doc.select("#summary").text();
        assertThat(text).contains("Ranked by mean cumulative profit:").contains("beats siloed on cumulative profit");
        assertThat(doc.select("#ranking tbody tr")).hasSize(5);
        assertThat(doc.select("#policies tbody tr")).hasSize(5);
        // the best-ranked structure is named first in the ranking table
        assertThat(doc.select("#ranking tbody tr").first().text()).contains(c.ranking().get(0));
        assertThat(doc.select("#pairs tbody tr")).hasSize(4 * Comparison.FIGURES.size());
        assertThat(doc.select("script, link, iframe")).isEmpty();
        assertThat(c.pair(c.ranking().get(0), "siloed", Summary.CUMULATIVE_PROFIT).meanDiff()).isPositive();
    }
}
