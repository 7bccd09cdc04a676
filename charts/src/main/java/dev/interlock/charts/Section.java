package dev.interlock.charts;

/**
 * One part of an {@link HtmlReport}: a heading and a body. The report lays sections out in the order given,
 * so a new kind of result (a structure comparison, a sensitivity analysis) adds a section without changing
 * the report: see {@link FigureSection}, {@link TableSection} and {@link FindingsSection}.
 */
public interface Section {
    /** The anchor of the section: lower-case letters, digits and hyphens, unique in a report. */
    String id();

    /** The heading, as plain text (the report escapes it). */
    String heading();

    /** The body as HTML. Implementations escape every text that comes from outside with {@link Html#escape}. */
    String bodyHtml();
}
