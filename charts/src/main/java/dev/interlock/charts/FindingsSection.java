package dev.interlock.charts;

import java.util.List;

/** Plain-words findings as a highlighted list: the top of a report. */
public record FindingsSection(String id, String heading, List<String> findings) implements Section {
    public FindingsSection {
        findings = List.copyOf(findings);
    }

    @Override
    public String bodyHtml() {
        StringBuilder b = new StringBuilder("<ul class=\"findings\">\n");
        for (String f : findings) {
            b.append("<li>").append(Html.escape(f)).append("</li>\n");
        }
        return b.append("</ul>\n").toString();
    }
}
