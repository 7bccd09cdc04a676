package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every chart kind renders to a valid PNG and a valid SVG of the theme's size, with its expected series. */
class ChartFilesTest {
    static final InterlockTheme THEME = InterlockTheme.standard();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void chartHasItsExpectedNumberOfSeries(ChartKinds.Kind kind) {
        assertThat(ChartKinds.seriesCount(kind.build().apply(THEME))).isEqualTo(kind.series());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void writesPngAndSvgOfTheThemeSize(ChartKinds.Kind kind, @TempDir Path dir) throws Exception {
        Figure f = new Figure(kind.name(), "caption", kind.build().apply(THEME));
        ChartWriter.write(ChartWriter.render(f, THEME), dir);

        BufferedImage png = ImageIO.read(dir.resolve(kind.name() + ".png").toFile());
        assertThat(png).as("ImageIO reads the PNG").isNotNull();
        assertThat(png.getWidth()).isEqualTo(THEME.width());
        assertThat(png.getHeight()).isEqualTo(THEME.height());

        Element svg = parseXml(Files.readString(dir.resolve(kind.name() + ".svg"))).getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(THEME.width());
        assertThat(Double.parseDouble(svg.getAttribute("height"))).isEqualTo(THEME.height());
        assertThat(svg.getElementsByTagNameNS("*", "text").getLength()).as("titles and labels are text").isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void svgHasTheTitleAndEveryAxisLabelAsText(ChartKinds.Kind kind) throws Exception {
        JFreeChart c = kind.build().apply(THEME);
        NodeList texts = parseXml(ChartWriter.svg(c, THEME.width(), THEME.height(), "t")).getDocumentElement()
                .getElementsByTagNameNS("*", "text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        List<String> expected = new ArrayList<>(List.of(c.getTitle().getText()));
        XYPlot p = c.getXYPlot();
        for (int i = 0; i < p.getDomainAxisCount(); i++) {
            expected.add(p.getDomainAxis(i).getLabel());
        }
        for (int i = 0; i < p.getRangeAxisCount(); i++) {
            if (p.getRangeAxis(i) != null) {
                expected.add(p.getRangeAxis(i).getLabel());   // drawn rotated: text too, not glyph outlines
            }
        }
        assertThat(words).containsAll(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void rendersAtAnotherSizeWhenTheThemeSaysSo(ChartKinds.Kind kind) throws Exception {
        InterlockTheme small = THEME.withSize(640, 400);
        ChartWriter.Rendered r = ChartWriter.render(new Figure("x", "", kind.build().apply(small)), small);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.png()));
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(400);
        assertThat(Double.parseDouble(parseXml(r.svg()).getDocumentElement().getAttribute("width"))).isEqualTo(640);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void sameChartGivesTheSameBytes(ChartKinds.Kind kind) throws Exception {
        JFreeChart a = kind.build().apply(THEME);
        JFreeChart b = kind.build().apply(THEME);
        assertThat(ChartWriter.png(a, 500, 300)).isEqualTo(ChartWriter.png(b, 500, 300));
        assertThat(ChartWriter.svg(a, 500, 300, "p")).isEqualTo(ChartWriter.svg(b, 500, 300, "p"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void chartHasATitleAndLabelledAxes(ChartKinds.Kind kind) {
        JFreeChart c = kind.build().apply(THEME);
        assertThat(c.getTitle().getText()).isNotBlank();
        assertThat(c.getXYPlot().getDomainAxis().getLabel()).isNotBlank();
        assertThat(c.getXYPlot().getRangeAxis().getLabel()).isNotBlank();
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
