package dev.interlock.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every Interlock chart: size, fonts, colours and line styles. Passed to each chart recipe
 * rather than held in a static field, so a caller can render the same results for a slide, a report or
 * a test with different themes.
 *
 * <p><b>Readable in grayscale and on a projector.</b> Series are told apart by line style (solid, dashed,
 * dotted, marked) and by lightness, never by hue alone: the palette's colours differ in luminance, and bands
 * are tints of their line's colour. {@link #luminance(Paint)} is what the tests check. Fonts are sized for a
 * chart shown full-width on a slide (a 1024 × 576 image at 16:9), which also stays legible at half size
 * in the two-column HTML report.
 *
 * @param width     image width in pixels
 * @param height    image height in pixels
 * @param family    font family (a Java logical name such as {@code SansSerif}, portable to SVG as sans-serif)
 * @param titleSize title font size in pixels; other text is sized relative to it
 * @param ink       text, axes and reference lines
 * @param primary   the main quantity (median line, demand, workload)
 * @param secondary the quantity it is compared with (capacity)
 * @param risk      shortfalls and losses
 */
public record InterlockTheme(int width, int height, String family, float titleSize, Color ink, Color primary,
                             Color secondary, Color risk) {
    /** Behind marker labels: white, slightly translucent, so a label stays legible over lines and bars. */
    public static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);

    public InterlockTheme {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 × 150 pixels, got " + width + " × " + height);
        }
    }

    /** 1024 × 576 (16:9), slide-size text, a dark blue / dark orange / red palette of distinct lightness. */
    public static InterlockTheme standard() {
        return new InterlockTheme(1024, 576, Font.SANS_SERIF, 28f, new Color(0x1a, 0x1a, 0x1a),
                new Color(0x1f, 0x4e, 0x79), new Color(0xb3, 0x58, 0x06), new Color(0xc0, 0x30, 0x30));
    }

    /** The same look at another size (the fonts keep their pixel size). */
    public InterlockTheme withSize(int w, int h) {
        return new InterlockTheme(w, h, family, titleSize, ink, primary, secondary, risk);
    }

    // ---- fonts -------------------------------------------------------------------------------------

    public Font titleFont() {
        return new Font(family, Font.BOLD, Math.round(titleSize));
    }

    public Font subtitleFont() {
        return new Font(family, Font.PLAIN, Math.round(titleSize * 0.60f));
    }

    public Font labelFont() {
        return new Font(family, Font.PLAIN, Math.round(titleSize * 0.70f));
    }

    public Font tickFont() {
        return new Font(family, Font.PLAIN, Math.round(titleSize * 0.68f));
    }

    public Font legendFont() {
        return new Font(family, Font.PLAIN, Math.round(titleSize * 0.64f));
    }

    public Font markerFont() {
        return new Font(family, Font.BOLD, Math.round(titleSize * 0.60f));
    }

    /**
     * A line across the plot at {@code value} with a label in the marker font on a light background, placed by
     * {@code anchor} (where on the line) and {@code textAnchor} (which point of the text goes there), moved in by
     * {@code offset}.
     */
    public org.jfree.chart.plot.ValueMarker marker(double value, java.awt.Paint line, java.awt.Stroke stroke,
                                                   String label, java.awt.Paint labelPaint,
                                                   org.jfree.chart.ui.RectangleAnchor anchor,
                                                   org.jfree.chart.ui.TextAnchor textAnchor,
                                                   org.jfree.chart.ui.RectangleInsets offset) {
        org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(value, line, stroke);
        m.setLabel(label);
        m.setLabelFont(markerFont());
        m.setLabelPaint(labelPaint);
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelOffset(offset);
        return m;
    }

    // ---- colours and strokes -----------------------------------------------------------------------

    /** Muted text (subtitles, secondary axis). */
    public Color muted() {
        return new Color(0x4d, 0x4d, 0x4d);
    }

    public Color gridline() {
        return new Color(0xdd, 0xdd, 0xdd);
    }

    /** {@code c} mixed with white: {@code share} of the colour, the rest white; opaque, so it prints the same. */
    public static Color tint(Color c, double share) {
        return new Color(mix(c.getRed(), share), mix(c.getGreen(), share), mix(c.getBlue(), share));
    }

    /** {@code c} with an alpha in [0, 1], for bands that overlap. */
    public static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * a));
    }

    private static int mix(int channel, double share) {
        return (int) Math.round(255 - share * (255 - channel));
    }

    /**
     * Relative luminance (ITU-R BT.709 weights on sRGB, 0 = black, 1 = white) of a colour as seen on white, its
     * alpha composited over white: what the colour becomes on a grayscale print.
     */
    public static double luminance(Paint p) {
        Color c = (Color) p;
        double a = c.getAlpha() / 255.0;
        double r = a * c.getRed() + (1 - a) * 255;
        double g = a * c.getGreen() + (1 - a) * 255;
        double b = a * c.getBlue() + (1 - a) * 255;
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }

    public Stroke solid() {
        return new BasicStroke(titleSize / 9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public Stroke dashed() {
        float w = titleSize / 9f;
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4 * w, 2.5f * w}, 0f);
    }

    public Stroke dotted() {
        float w = titleSize / 12f;
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {0.1f, 2.2f * w}, 0f);
    }

    /** Reference lines (percentile markers, thresholds). */
    public Stroke thinDashed() {
        float w = titleSize / 15f;
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3 * w, 3 * w}, 0f);
    }

    public Stroke thin() {
        return new BasicStroke(titleSize / 15f);
    }

    /** Marker shape for a line whose points matter month by month (a probability). */
    public Shape pointShape() {
        double r = titleSize / 9.0;
        return new Rectangle2D.Double(-r, -r, 2 * r, 2 * r);
    }

    public Shape smallCircle() {
        double r = titleSize / 8.0;
        return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
    }

    // ---- legend items ------------------------------------------------------------------------------

    /** A legend entry for a line, drawn with its own stroke so dashes and dots show in the legend. */
    public LegendItem lineItem(String label, Paint paint, Stroke stroke, Shape point) {
        double half = titleSize * 1.1;
        Shape line = new Line2D.Double(-half, 0, half, 0);
        Shape shape = point != null ? point : line;
        return new LegendItem(label, null, null, null, point != null, shape, true, paint, false, paint, stroke, true,
                line, stroke, paint);
    }

    /** A legend entry for a filled area (a band, a shaded gap, a bar). */
    public LegendItem areaItem(String label, Paint fill) {
        double w = titleSize * 0.9;
        double h = titleSize * 0.55;
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-w / 2, -h / 2, w, h), fill,
                new BasicStroke(1f), muted());
    }

    // ---- applying the theme ------------------------------------------------------------------------

    /** Styles a chart built by one of the recipes: background, titles, legend, axes, grid lines. */
    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(titleSize * 0.4, titleSize * 0.5, titleSize * 0.3, titleSize * 0.7));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(titleFont());
            chart.getTitle().setPaint(ink);
            chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                tt.setFont(subtitleFont());
                tt.setPaint(muted());
                tt.setHorizontalAlignment(HorizontalAlignment.LEFT);
                tt.setPadding(new RectangleInsets(2, 0, titleSize * 0.3, 0));
            } else if (t instanceof LegendTitle lt) {
                lt.setItemFont(legendFont());
                lt.setItemPaint(ink);
                lt.setFrame(BlockBorder.NONE);
                lt.setBackgroundPaint(Color.WHITE);
                lt.setPosition(RectangleEdge.BOTTOM);
                lt.setHorizontalAlignment(HorizontalAlignment.LEFT);
                lt.setItemLabelPadding(new RectangleInsets(2, 4, 2, titleSize * 0.8));
            }
        }
        if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlineVisible(false);
            p.setDomainGridlinePaint(gridline());
            p.setRangeGridlinePaint(gridline());
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                style(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                style(p.getRangeAxis(i));
            }
        }
    }

    private void style(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(labelFont());
        a.setLabelPaint(ink);
        a.setTickLabelFont(tickFont());
        a.setTickLabelPaint(ink);
        a.setAxisLinePaint(muted());
        a.setTickMarkPaint(muted());
    }
}
