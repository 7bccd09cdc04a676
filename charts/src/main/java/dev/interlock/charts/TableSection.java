package dev.interlock.charts;

import java.util.List;

/** A table with an optional introduction and note; cells marked {@code strong} are emphasised (bold, shaded). */
public record TableSection(String id, String heading, String intro, Table table, String note) implements Section {

    /** One table cell: text, and whether it stands out (a month at risk, for example). */
    public record Cell(String text, boolean strong) {
        public static Cell of(String text) {
            return new Cell(text, false);
        }
    }

    /**
     * @param header  column headings
     * @param numeric per column, whether it holds numbers (right-aligned)
     * @param rows    rows of cells, each as long as the header
     */
    public record Table(List<String> header, List<Boolean> numeric, List<List<Cell>> rows) {
        public Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = List.copyOf(rows);
            for (List<Cell> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("row of " + r.size() + " cells for " + header.size() + " columns");
                }
            }
        }
    }

    @Override
    public String bodyHtml() {
        StringBuilder b = new StringBuilder();
        if (intro != null && !intro.isEmpty()) {
            b.append("<p class=\"intro\">").append(Html.escape(intro)).append("</p>\n");
        }
        b.append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (int c = 0; c < table.header().size(); c++) {
            b.append(table.numeric().get(c) ? "<th class=\"num\">" : "<th>").append(Html.escape(table.header().get(c)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            b.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                String cls = (table.numeric().get(c) ? "num" : "") + (cell.strong() ? " risk" : "");
                b.append(cls.isBlank() ? "<td>" : "<td class=\"" + cls.strip() + "\">")
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
