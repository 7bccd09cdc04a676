package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.stats.Stats;
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
        // each structure's overhead over the whole horizon, beside the monthly figure
        List<String> policyHead = doc.select("#policies thead th").eachText();
        int total = policyHead.indexOf("overhead over " + c.scenario().horizonMonths() + " months");
        assertThat(total).isPositive();
        for (Element row : doc.select("#policies tbody tr")) {
            List<String> cells = row.select("td").eachText();
            double perMonth = c.scenario().structures().get(cells.get(0)).overheadPerMonth().mean();
            assertThat(cells.get(total)).isEqualTo(dev.interlock.engine.output.Words.compact(
                    perMonth * c.scenario().horizonMonths()));
        }
        // the best-ranked structure is named first in the ranking table
        assertThat(doc.select("#ranking tbody tr").first().text()).contains(c.ranking().get(0));
        assertThat(doc.select("#pairs tbody tr")).hasSize(4 * Comparison.FIGURES.size());
        assertThat(doc.select("script, link, iframe")).isEmpty();
        assertThat(c.pair(c.ranking().get(0), "siloed", Summary.CUMULATIVE_PROFIT).meanDiff()).isPositive();
    }

    @Test
    void rankingShowsTheMeanItRanksByMarksNearTiesAndThePairsStateSpreadAndWhatIntervalsMeasure() throws Exception {
        Comparison c = TestRuns.comparison();
        ChartContext ctx = ChartContext.of(c.scenario(), c.run().trials());
        List<Figure> figures = CompareReport.figures(c, ctx, THEME);
        Document doc = Jsoup.parse(CompareReport.report(c, figures, RunReport.renderAll(figures, THEME)).html());
        List<String> head = doc.select("#ranking thead th").eachText();
        int mean = head.indexOf("profit mean (ranks)");
        assertThat(mean).isEqualTo(2);
        List<Element> rows = doc.select("#ranking tbody tr");
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i).select("td").eachText();
            double m = c.stats(c.ranking().get(i)).mean(Summary.CUMULATIVE_PROFIT);
            assertThat(cells.get(mean)).isEqualTo(dev.interlock.engine.output.Words.compact(m));
            Stats st = c.stats(c.ranking().get(i));
            assertThat(cells.get(head.indexOf("P(profit > 0)")))
                    .isEqualTo(dev.interlock.engine.output.Words.percent(st.exceedProbability(Summary.CUMULATIVE_PROFIT)));
            assertThat(cells.get(head.indexOf("months short (mean)")))
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", st.mean(Summary.MONTHS_SHORT)));
            assertThat(m).isLessThanOrEqualTo(previous);
            previous = m;
            String close = i == 0 ? null : c.closeTo(i);
            assertThat(cells.get(0)).isEqualTo((i + 1) + (close != null ? " (" + close + ")" : ""));
        }
        assertThat(doc.select("#summary").text()).contains(Comparison.ASSUMPTIONS);
        assertThat(doc.select("#pairs").text()).contains(Comparison.ASSUMPTIONS);
        List<String> pairHead = doc.select("#pairs thead th").eachText();
        int spread = pairHead.indexOf("in 8 of 10 futures (P10 to P90)");
        assertThat(spread).isPositive();
        Element profitRow = doc.select("#pairs tbody tr").first();
        String other = profitRow.select("td").get(0).text();
        Comparison.Pair p = c.pair(other, CompareReport.baseline(c), Summary.CUMULATIVE_PROFIT);
        assertThat(profitRow.select("td").get(spread).text()).isEqualTo(
                dev.interlock.engine.output.Words.compact(p.diffP10()) + " to "
                        + dev.interlock.engine.output.Words.compact(p.diffP90()));
        assertThat(p.diffP10()).isLessThan(p.meanDiff()).isLessThan(p.diffP90());
    }
}
