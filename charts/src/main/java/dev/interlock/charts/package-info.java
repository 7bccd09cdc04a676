/**
 * Charts (JFreeChart, PNG and SVG) and the self-contained HTML report. Reads {@code Stats} and other
 * results from the engine; never runs or sees the trial kernel.
 *
 * <p>Charts: one class per kind, each a recipe results → dataset → plot and renderers → chart, styled by an
 * {@link dev.interlock.charts.InterlockTheme} passed in: {@link dev.interlock.charts.FanChart},
 * {@link dev.interlock.charts.CapacityChart}, {@link dev.interlock.charts.DistributionChart}.
 * {@link dev.interlock.charts.ChartWriter} renders a chart to PNG and SVG as a separate step.
 *
 * <p>Report: an {@link dev.interlock.charts.HtmlReport} is a list of {@link dev.interlock.charts.Section}s
 * (findings, figures, tables); {@link dev.interlock.charts.RunReport} assembles the one for a run, with
 * {@link dev.interlock.charts.Findings} (plain words) and {@link dev.interlock.charts.ReportTables}. Later
 * analyses (compare, sensitivity) add sections of their own.
 */
package dev.interlock.charts;
