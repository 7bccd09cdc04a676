package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grayscale readability: within every chart, any two legend entries differ in kind (line or area), in line
 * style (dash pattern, point marker) or in lightness by at least {@value #MIN_LUMINANCE_STEP}, so no series
 * is told apart by hue alone.
 */
class InterlockThemeTest {
    static final double MIN_LUMINANCE_STEP = 0.08;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.interlock.charts.ChartKinds#arguments")
    void legendEntriesAreDistinctInGrayscale(ChartKinds.Kind kind) {
        LegendItemCollection items = kind.build().apply(InterlockTheme.standard()).getXYPlot().getFixedLegendItems();
        assertThat(items.getItemCount()).isPositive();
        for (int i = 0; i < items.getItemCount(); i++) {
            for (int j = i + 1; j < items.getItemCount(); j++) {
                LegendItem a = items.get(i);
                LegendItem b = items.get(j);
                assertThat(distinct(a, b)).as("'%s' vs '%s'", a.getLabel(), b.getLabel()).isTrue();
            }
        }
    }

    static boolean distinct(LegendItem a, LegendItem b) {
        if (a.isLineVisible() != b.isLineVisible()) {
            return true;
        }
        if (a.isLineVisible()) {
            return !Arrays.equals(dashes(a.getLineStroke()), dashes(b.getLineStroke()))
                    || a.isShapeVisible() != b.isShapeVisible()
                    || Math.abs(InterlockTheme.luminance(a.getLinePaint()) - InterlockTheme.luminance(b.getLinePaint()))
                    >= MIN_LUMINANCE_STEP;
        }
        return Math.abs(InterlockTheme.luminance(a.getFillPaint()) - InterlockTheme.luminance(b.getFillPaint()))
                >= MIN_LUMINANCE_STEP;
    }

    static float[] dashes(Stroke s) {
        return s instanceof BasicStroke b ? b.getDashArray() : null;
    }

    @Test
    void luminanceCompositesAlphaOverWhite() {
        assertThat(InterlockTheme.luminance(java.awt.Color.BLACK)).isZero();
        assertThat(InterlockTheme.luminance(java.awt.Color.WHITE)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(InterlockTheme.luminance(InterlockTheme.alpha(java.awt.Color.BLACK, 0.5))).isBetween(0.49, 0.51);
    }

    @Test
    void paletteColoursDifferInLightness() {
        InterlockTheme t = InterlockTheme.standard();
        List<Double> l = Stream.of(t.ink(), t.primary(), t.secondary()).map(InterlockTheme::luminance).toList();
        assertThat(l.get(1) - l.get(0)).isGreaterThanOrEqualTo(MIN_LUMINANCE_STEP);
        assertThat(l.get(2) - l.get(1)).isGreaterThanOrEqualTo(MIN_LUMINANCE_STEP);
    }

    @Test
    void tooSmallAChartIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterlockTheme.standard().withSize(100, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
