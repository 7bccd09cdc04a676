package dev.interlock.charts;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Charts embedded as PNG data URIs (the page needs no other file and no network), each with its caption,
 * in a grid of two columns on a wide screen.
 */
public record FigureSection(String id, String heading, String intro, List<ChartWriter.Rendered> figures)
        implements Section {
    public FigureSection {
        figures = List.copyOf(figures);
    }

    @Override
    public String bodyHtml() {
        List<String> html = new ArrayList<>();
        for (ChartWriter.Rendered r : figures) {
            html.add(figureHtml(r));
        }
        return bodyHtml(intro, html);
    }

    /** The body from an introduction (or null) and the {@code <figure>} elements of {@link #figureHtml}. */
    static String bodyHtml(String intro, List<String> figureHtml) {
        StringBuilder b = new StringBuilder();
        if (intro != null && !intro.isEmpty()) {
            b.append("<p class=\"intro\">").append(Html.escape(intro)).append("</p>\n");
        }
        b.append("<div class=\"figures\">\n");
        for (String f : figureHtml) {
            b.append(f);
        }
        return b.append("</div>\n").toString();
    }

    /** One chart as a {@code <figure>}: the PNG as a data URI, alt text, the caption and the chart's file names. */
    static String figureHtml(ChartWriter.Rendered r) {
        Figure f = r.figure();
        return new StringBuilder(r.png().length * 4 / 3 + 1024)
                .append("<figure id=\"fig-").append(f.name()).append("\">\n<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(r.png())).append("\" width=\"").append(r.width())
                .append("\" height=\"").append(r.height()).append("\" alt=\"")
                .append(Html.escape(f.title() + ". " + f.caption())).append("\">\n<figcaption>")
                .append(Html.escape(f.caption())).append(" <span class=\"files\">Files: charts/").append(f.name())
                .append(".png, charts/").append(f.name()).append(".svg</span></figcaption>\n</figure>\n").toString();
    }
}
