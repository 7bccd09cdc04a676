package dev.interlock.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a chart to PNG (Java2D, then {@link PngEncoder}) and SVG (JFreeSVG), at the theme's size. A separate step
 * from building the chart, so one chart object can be written in both formats and embedded in a report.
 * Output depends only on the chart: no timestamps or random ids, so the same results give the same bytes.
 *
 * <p>Rotated text (the value axes' labels) is drawn with {@code Graphics2D.drawString}, as all other text is:
 * JFreeChart's default works around a JDK 1.3-era bug by laying such text out with a {@code TextLayout}, which
 * JFreeSVG can only write as glyph outlines (a 13 KB path instead of a {@code <text>} element, a quarter of the
 * SVG bytes of a report, and time spent tracing glyphs). The PNGs are pixel for pixel the same either way.
 */
public final class ChartWriter {
    static {
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartWriter() {
    }

    /** A figure rendered in both formats. */
    public record Rendered(Figure figure, int width, int height, byte[] png, String svg) {
    }

    public static Rendered render(Figure f, InterlockTheme theme) throws IOException {
        return new Rendered(f, theme.width(), theme.height(), png(f.chart(), theme.width(), theme.height()),
                svg(f.chart(), theme.width(), theme.height(), f.name()));
    }

    /** PNG bytes of the chart drawn at {@code width × height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        return PngEncoder.encode(image(chart, width, height));
    }

    /** The chart drawn at {@code width × height} pixels on an opaque image: what {@link #png} encodes. */
    static BufferedImage image(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A standalone SVG document of the chart, {@code width × height} user units (pixels); {@code idPrefix}
     * keeps ids unique when several SVGs share a page.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
    public static void write(Rendered r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(r.figure().name() + ".png"), r.png());
        Files.writeString(dir.resolve(r.figure().name() + ".svg"), r.svg(), StandardCharsets.UTF_8);
    }
}
