package dev.interlock.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One self-contained HTML page: a title, a line of facts about the run, the sections in order, and a footer.
 * Images are embedded by the sections (data URIs) and the only style sheet is inline, so the file opens
 * anywhere with no network and no other file. The page prints on A4/Letter with one chart per row.
 *
 * <p>A report is a list of {@link Section}s: {@code RunReport} builds the one for a run, and a comparison or a
 * sensitivity analysis adds its own sections to it with {@link #with(Section)}.
 *
 * @param title    the page title (a scenario name: escaped here)
 * @param facts    short facts shown under the title (structure, trials, seed, version), escaped here
 * @param sections the body, in order; ids must be unique
 * @param footer   plain text at the bottom (escaped here)
 */
public record HtmlReport(String title, List<String> facts, List<Section> sections, String footer) {
    public HtmlReport {
        facts = List.copyOf(facts);
        sections = List.copyOf(sections);
        Set<String> ids = new HashSet<>();
        for (Section s : sections) {
            if (!s.id().matches("[a-z0-9][a-z0-9-]*") || !ids.add(s.id())) {
                throw new IllegalArgumentException("section id must be unique, lower-case letters, digits, hyphens: "
                        + s.id());
            }
        }
    }

    /** A copy with one more section at the end. */
    public HtmlReport with(Section s) {
        List<Section> all = new ArrayList<>(sections);
        all.add(s);
        return new HtmlReport(title, facts, all, footer);
    }

    public String html() {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append(" — Interlock report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<p class=\"facts\">");
        for (int i = 0; i < facts.size(); i++) {
            b.append(i > 0 ? " <span class=\"sep\">·</span> " : "").append(Html.escape(facts.get(i)));
        }
        b.append("</p>\n<nav>");
        for (Section s : sections) {
            b.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.heading())).append("</a> ");
        }
        b.append("</nav>\n</header>\n<main>\n");
        for (Section s : sections) {
            b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(Html.escape(s.heading()))
                    .append("</h2>\n").append(s.bodyHtml()).append("</section>\n");
        }
        b.append("</main>\n<footer>").append(Html.escape(footer)).append("</footer>\n</body>\n</html>\n");
        return b.toString();
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    private static final String CSS = """
            :root { --ink: #1a1a1a; --muted: #555; --line: #d6d6d6; --accent: #1f4e79; --risk: #c03030; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font: 16px/1.45 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
            header, main, footer { max-width: 1360px; margin: 0 auto; padding: 0 24px; }
            header { padding-top: 20px; border-bottom: 3px solid var(--accent); }
            h1 { font-size: 30px; margin: 0 0 4px; }
            h2 { font-size: 22px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            .facts { color: var(--muted); margin: 0 0 8px; }
            .sep { color: #aaa; }
            nav { font-size: 14px; margin-bottom: 10px; }
            nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
            .findings { background: #f3f6fa; border-left: 6px solid var(--accent); margin: 8px 0; padding: 12px 16px 12px 36px;
                        font-size: 18px; }
            .findings li { margin: 4px 0; }
            .intro { margin: 4px 0 10px; max-width: 980px; }
            .note { color: var(--muted); font-size: 14px; margin: 6px 0; max-width: 980px; }
            .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; }
            figure { margin: 0; border: 1px solid var(--line); padding: 6px; background: #fff; break-inside: avoid; }
            figure img { display: block; width: 100%; height: auto; }
            figcaption { font-size: 14px; color: var(--muted); margin: 6px 4px 2px; }
            .files { color: #888; }
            .table-wrap { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 14px; margin: 4px 0; }
            th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; font-weight: 600; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .label { white-space: nowrap; }
            th.num, th.label { white-space: normal; }
            td.risk { background: #f6dcdc; }
            footer { color: var(--muted); font-size: 13px; margin-top: 28px; padding-top: 10px; padding-bottom: 24px;
                     border-top: 1px solid var(--line); }
            @media print { .figures { grid-template-columns: 1fr; } nav { display: none; } }
            """;
}
