package dev.interlock.charts;

import org.jfree.chart.JFreeChart;

/**
 * A chart with the name its files get ({@code name.png}, {@code name.svg}) and the sentence that tells a
 * reader how to read it (the report's caption and the image's alt text).
 *
 * @param name    file stem: lower-case letters, digits and hyphens
 * @param caption how to read the chart, in plain words
 * @param chart   the chart, already styled
 */
public record Figure(String name, String caption, JFreeChart chart) {
    public Figure {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("figure name must be lower-case letters, digits and hyphens: " + name);
        }
    }

    public String title() {
        return chart.getTitle() == null ? name : chart.getTitle().getText();
    }
}
