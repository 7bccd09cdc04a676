package dev.interlock.engine.output;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the summary files: maps (insertion order kept), lists, strings, numbers
 * (via {@link Fmt}; NaN becomes null), booleans and null. Pretty-printed with two-space indents.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Double d) {
            String n = Fmt.num(d);
            b.append(n.isEmpty() ? "null" : n);
        } else if (v instanceof Number n) {
            b.append(n.toString());
        } else if (v instanceof Boolean bo) {
            b.append(bo.toString());
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(b, indent + 1);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), indent + 1);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            boolean flat = l.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof List));
            b.append(flat ? "[" : "[\n");
            for (int i = 0; i < l.size(); i++) {
                if (!flat) {
                    pad(b, indent + 1);
                }
                write(b, l.get(i), indent + 1);
                if (i + 1 < l.size()) {
                    b.append(flat ? ", " : ",\n");
                }
            }
            if (!flat) {
                b.append('\n');
                pad(b, indent);
            }
            b.append(']');
        } else if (v instanceof double[] arr) {
            List<Object> l = new java.util.ArrayList<>();
            for (double x : arr) {
                l.add(x);
            }
            write(b, l, indent);
        } else {
            string(b, v.toString());
        }
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
