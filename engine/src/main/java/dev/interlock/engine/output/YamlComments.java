package dev.interlock.engine.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds end-of-line comments to block-style YAML (as {@link ScenarioYaml} writes it), by key path:
 * {@code funnel.win_rate}, {@code marketing.channels[paid].response.cost_per_lead} (list items of
 * mappings with a {@code name} key are addressed by that name, others by their 0-based index). Used to
 * mark calibrated keys and placeholders in a written scenario.
 */
public final class YamlComments {
    private static final Pattern LINE = Pattern.compile("^( *)(- +)?(.*)$");
    private static final Pattern KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*):(.*)$");

    private YamlComments() {
    }

    private static final class Level {
        final int indent;
        final String segment;
        int items;

        Level(int indent, String segment) {
            this.indent = indent;
            this.segment = segment;
        }
    }

    /**
     * @param yaml     block-style YAML
     * @param comments key path → comment text (without '#'); paths not found are ignored
     * @return the YAML with "  # comment" after each addressed key
     */
    public static String annotate(String yaml, Map<String, String> comments) {
        List<Level> stack = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                out.append(line).append('\n');
                continue;
            }
            int dash = m.group(1).length();
            String rest = m.group(3);
            int indent = dash;
            if (m.group(2) != null) {
                while (!stack.isEmpty() && stack.get(stack.size() - 1).indent > dash) {
                    stack.remove(stack.size() - 1);
                }
                Level parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                String id = parent == null ? "0" : Integer.toString(parent.items);
                if (parent != null) {
                    parent.items++;
                }
                Matcher name = KEY.matcher(rest);
                if (name.matches() && name.group(1).equals("name")) {
                    id = unquote(name.group(2).trim());
                }
                stack.add(new Level(dash + 1, "[" + id + "]"));
                indent = dash + m.group(2).length();
            }
            Matcher k = KEY.matcher(rest);
            if (!k.matches()) {
                out.append(line).append('\n');
                continue;
            }
            while (!stack.isEmpty() && stack.get(stack.size() - 1).indent >= indent) {
                stack.remove(stack.size() - 1);
            }
            StringBuilder path = new StringBuilder();
            for (Level l : stack) {
                if (path.length() > 0 && !l.segment.startsWith("[")) {
                    path.append('.');
                }
                path.append(l.segment);
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(k.group(1));
            String comment = comments.get(path.toString());
            out.append(line);
            if (comment != null) {
                out.append("  # ").append(comment.replace('\n', ' '));
            }
            out.append('\n');
            if (k.group(2).trim().isEmpty()) {
                stack.add(new Level(indent, k.group(1)));
            }
        }
        String s = out.toString();
        return s.endsWith("\n\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
