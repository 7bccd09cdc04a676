/**
 * Charts (JFreeChart, PNG and SVG) and the self-contained HTML report. Reads {@code Stats} and other
 * results from the engine; never runs or sees the trial kernel.
 */
package dev.interlock.charts;
