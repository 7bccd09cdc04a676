package dev.interlock.charts;

import java.util.List;

/** A table with an optional introduction and note; cells marked {@code strong} are emphasised (bold, shaded). */
public record TableSection(String id, String heading, String intro, Table table, String note) implements Section {

    /** One table cell: text, and whether it stands out (a month at risk, for example). */
    public record Cell(String text, boolean strong, boolean risk) {
        /** A risk cell (bold, shaded in the risk colour) when {@code risk}, else a plain one. */
        public Cell(String text, boolean risk) {
            this(text, risk, risk);
        }

        public static Cell of(String text) {
            return new Cell(text, false, false);
        }

        /** Emphasised (bold) without the risk shading: the best of a ranking, for example. */
        public static Cell bold(String text) {
            return new Cell(text, true, false);
        }
    }

    /** How a column's cells are set: running text wraps; labels and numbers stay on one line, numbers right-aligned. */
    public enum Column {
        TEXT, LABEL, NUMBER
    }

    /**
     * @param header  column headings; an empty list for a table without a heading row
     * @param columns how each column is set
     * @param rows    rows of cells, each as long as {@code columns}
     */
    public record Table(List<String> header, List<Column> columns, List<List<Cell>> rows) {
        public Table {
            header = List.copyOf(header);
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (!header.isEmpty() && header.size() != columns.size()) {
                throw new IllegalArgumentException(header.size() + " headings for " + columns.size() + " columns");
            }
            for (List<Cell> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("row of " + r.size() + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    private static String cssClass(Column c) {
        return switch (c) {
            case TEXT -> "";
            case LABEL -> "label";
            case NUMBER -> "num";
        };
    }

    @Override
    public String bodyHtml() {
        StringBuilder b = new StringBuilder();
        if (intro != null && !intro.isEmpty()) {
            b.append("<p class=\"intro\">").append(Html.escape(intro)).append("</p>\n");
        }
        b.append("<div class=\"table-wrap\"><table>\n");
        if (!table.header().isEmpty()) {
            b.append("<thead><tr>");
            for (int c = 0; c < table.header().size(); c++) {
                String cls = cssClass(table.columns().get(c));
                b.append(cls.isEmpty() ? "<th>" : "<th class=\"" + cls + "\">").append(Html.escape(table.header().get(c)))
                        .append("</th>");
            }
            b.append("</tr></thead>\n");
        }
        b.append("<tbody>\n");
        for (List<Cell> row : table.rows()) {
            b.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                String cls = (cssClass(table.columns().get(c)) + (cell.risk() ? " risk" : "")).strip();
                b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">")
                        .append(cell.strong() ? "<strong>" + Html.escape(cell.text()) + "</strong>" : Html.escape(cell.text()))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n");
        if (note != null && !note.isEmpty()) {
            b.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        return b.toString();
    }
}
