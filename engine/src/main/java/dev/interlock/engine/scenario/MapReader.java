package dev.interlock.engine.scenario;

import dev.interlock.engine.dist.Beta;
import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.dist.Gamma;
import dev.interlock.engine.dist.LogNormal;
import dev.interlock.engine.dist.Normal;
import dev.interlock.engine.dist.Pert;
import dev.interlock.engine.dist.Triangular;
import dev.interlock.engine.dist.Uniform;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping of a scenario, key by key, carrying the key path for messages. Every read
 * names the key it accepts; {@link #finish()} then reports every key that nobody asked for, with the
 * nearest accepted key as a suggestion. A failed read adds a {@link Problem} and returns the default,
 * so that loading goes on and all problems are reported at once.
 */
final class MapReader {
    static final String DIST_SCHEMA = "<distribution>";

    /** Shared by all readers of one file. */
    static final class Ctx {
        final String file;
        final List<Problem> problems;
        final KeyRecorder recorder;

        Ctx(String file, List<Problem> problems, KeyRecorder recorder) {
            this.file = file;
            this.problems = problems;
            this.recorder = recorder;
        }

        void problem(Node at, String path, String message) {
            Mark m = at == null ? null : at.getStartMark();
            problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
                    path, message));
        }
    }

    private final Ctx ctx;
    private final MappingNode node;
    private final String path;
    private final String schemaPath;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> accepted = new LinkedHashSet<>();

    MapReader(Ctx ctx, MappingNode node, String path, String schemaPath) {
        this.ctx = ctx;
        this.node = node;
        this.path = path;
        this.schemaPath = schemaPath;
        collect(node, true);
    }

    private void collect(MappingNode mapping, boolean explicit) {
        List<NodeTuple> merges = new ArrayList<>();
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) {
                merges.add(t);
                continue;
            }
            if (!(k instanceof ScalarNode sk)) {
                ctx.problem(k, path, "expected a plain key, found a " + kind(k));
                continue;
            }
            String key = sk.getValue();
            NodeTuple first = entries.get(key);
            if (first != null) {
                if (explicit) {
                    ctx.problem(k, join(path, key), "duplicate key '" + key + "' (first given at line "
                            + (first.getKeyNode().getStartMark().getLine() + 1) + "); give each key once");
                }
                continue;
            }
            entries.put(key, t);
        }
        for (NodeTuple m : merges) {
            Node v = m.getValueNode();
            if (v instanceof MappingNode mm) {
                collect(mm, false);
            } else if (v instanceof SequenceNode sn) {
                for (Node item : sn.getValue()) {
                    if (item instanceof MappingNode mm) {
                        collect(mm, false);
                    } else {
                        ctx.problem(item, path, "expected a mapping to merge with '<<', found a " + kind(item));
                    }
                }
            } else {
                ctx.problem(v, path, "expected a mapping to merge with '<<', found a " + kind(v));
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    Ctx ctx() {
        return ctx;
    }

    MappingNode node() {
        return node;
    }

    /** Keys in file order (for user-named maps such as structures). */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    private void accept(String key) {
        accepted.add(key);
        ctx.recorder.accepted(schemaPath, key);
    }

    /** Marks a key accepted and returns its value node, or null when absent (or explicitly null). */
    Node get(String key) {
        accept(key);
        NodeTuple t = entries.get(key);
        if (t == null) {
            return null;
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return null;
        }
        return v;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getKeyNode();
    }

    void missing(String key, String expected) {
        ctx.problem(node, join(path, key), "missing required key '" + key + "': expected " + expected);
    }

    void problemAt(String key, String message) {
        NodeTuple t = entries.get(key);
        ctx.problem(t == null ? node : t.getValueNode(), join(path, key), message);
    }

    /** Reports every key that no read accepted, with the nearest accepted key as a suggestion. */
    void finish() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!accepted.contains(e.getKey())) {
                String near = Suggest.nearest(e.getKey(), accepted);
                String msg = "unknown key '" + e.getKey() + "'" + (near != null ? " (did you mean '" + near + "'?)"
                        : "; expected one of: " + String.join(", ", accepted));
                ctx.problem(e.getValue().getKeyNode(), join(path, e.getKey()), msg);
            }
        }
    }

    // ---- scalars ----

    static String kind(Node n) {
        if (n instanceof MappingNode) {
            return "mapping";
        }
        if (n instanceof SequenceNode) {
            return "list";
        }
        return "value";
    }

    static String found(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            if (v.length() > 40) {
                v = v.substring(0, 37) + "...";
            }
            if (s.getTag().equals(Tag.STR)) {
                return "the text '" + v + "'";
            }
            if (s.getTag().equals(Tag.NULL)) {
                return "nothing (an empty value)";
            }
            return v;
        }
        return "a " + kind(n);
    }

    /** Parses a YAML 1.1 int or float scalar; NaN when not a number. Infinite and NaN literals give NaN/Inf. */
    static double parseNumber(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue().replace("_", "");
        try {
            if (tag.equals(Tag.INT)) {
                return parseInt(v).doubleValue();
            }
            if (tag.equals(Tag.FLOAT)) {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".inf")) {
                    return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (lower.equals(".nan")) {
                    return Double.NaN;
                }
                return new BigDecimal(v).doubleValue();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static BigInteger parseInt(String v) {
        boolean neg = v.startsWith("-");
        String s = (v.startsWith("-") || v.startsWith("+")) ? v.substring(1) : v;
        BigInteger r;
        if (s.startsWith("0x")) {
            r = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0b")) {
            r = new BigInteger(s.substring(2), 2);
        } else if (s.length() > 1 && s.startsWith("0") && s.chars().allMatch(Character::isDigit)) {
            r = new BigInteger(s.substring(1), 8);
        } else if (s.contains(":")) {
            r = BigInteger.ZERO;
            for (String part : s.split(":")) {
                r = r.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            r = new BigInteger(s);
        }
        return neg ? r.negate() : r;
    }

    private static final String SEXAGESIMAL = " (YAML 1.1 reads a number with colons as base 60: 1:30 is 90; "
            + "write the number itself)";

    /** YAML 1.1's base-60 numbers ({@code 1:30} = 90): refused, since a planner who writes one means something else. */
    private static boolean isSexagesimal(ScalarNode s) {
        return (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) && s.getValue().contains(":");
    }

    /** A number read from {@code n}, checked against {@code range}; NaN after a problem. */
    double numberAt(Node n, String keyPath, Range range) {
        if (!(n instanceof ScalarNode s) || !(s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            String hint = "";
            if (n instanceof ScalarNode s2 && s2.getTag().equals(Tag.STR) && looksNumeric(s2.getValue())) {
                hint = " (remove the quotes)";
            }
            ctx.problem(n, keyPath, "expected " + range.describe() + ", found " + found(n) + hint);
            return Double.NaN;
        }
        if (isSexagesimal(s)) {
            ctx.problem(n, keyPath, "expected " + range.describe() + ", found " + s.getValue() + SEXAGESIMAL);
            return Double.NaN;
        }
        double x = parseNumber(s);
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            ctx.problem(n, keyPath, "expected " + range.describe() + ", found " + s.getValue()
                    + " (only finite numbers are allowed)");
            return Double.NaN;
        }
        if (!range.contains(x)) {
            ctx.problem(n, keyPath, "expected " + range.describe() + ", found " + s.getValue());
            return Double.NaN;
        }
        return x;
    }

    private static boolean looksNumeric(String v) {
        try {
            Double.parseDouble(v.replace("_", "").replace(",", "").trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    double number(String key, double def, Range range) {
        Node n = get(key);
        return n == null ? def : numberAt(n, join(path, key), range);
    }

    double requiredNumber(String key, Range range) {
        Node n = get(key);
        if (n == null) {
            missing(key, range.describe());
            return Double.NaN;
        }
        return numberAt(n, join(path, key), range);
    }

    int integerAt(Node n, String keyPath, long min, long max) {
        String expected = max == Integer.MAX_VALUE ? "a whole number ≥ " + min
                : "a whole number from " + min + " to " + max;
        if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            String extra = "";
            if (n instanceof ScalarNode s2 && s2.getTag().equals(Tag.FLOAT)) {
                extra = " (not a whole number)";
            } else if (n instanceof ScalarNode s3 && s3.getTag().equals(Tag.STR) && looksNumeric(s3.getValue())) {
                extra = " (remove the quotes)";
            }
            ctx.problem(n, keyPath, "expected " + expected + ", found " + found(n) + extra);
            return (int) Math.max(min, 0);
        }
        if (isSexagesimal(s)) {
            ctx.problem(n, keyPath, "expected " + expected + ", found " + s.getValue() + SEXAGESIMAL);
            return (int) Math.max(min, 0);
        }
        BigInteger v;
        try {
            v = parseInt(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            ctx.problem(n, keyPath, "expected " + expected + ", found " + found(n));
            return (int) Math.max(min, 0);
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            ctx.problem(n, keyPath, "expected " + expected + ", found " + s.getValue());
            return (int) Math.max(min, 0);
        }
        return v.intValue();
    }

    int integer(String key, int def, long min, long max) {
        Node n = get(key);
        return n == null ? def : integerAt(n, join(path, key), min, max);
    }

    int requiredInteger(String key, long min, long max) {
        Node n = get(key);
        if (n == null) {
            missing(key, "a whole number from " + min + " to " + max);
            return (int) Math.max(min, 0);
        }
        return integerAt(n, join(path, key), min, max);
    }

    long longValue(String key, long def) {
        Node n = get(key);
        if (n == null) {
            return def;
        }
        if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            ctx.problem(n, join(path, key), "expected a whole number, found " + found(n));
            return def;
        }
        if (isSexagesimal(s)) {
            ctx.problem(n, join(path, key), "expected a whole number, found " + s.getValue() + SEXAGESIMAL);
            return def;
        }
        try {
            BigInteger v = parseInt(s.getValue().replace("_", ""));
            if (v.bitLength() > 63) {
                ctx.problem(n, join(path, key), "expected a whole number between −2^63 and 2^63−1, found "
                        + s.getValue());
                return def;
            }
            return v.longValue();
        } catch (NumberFormatException e) {
            ctx.problem(n, join(path, key), "expected a whole number, found " + found(n));
            return def;
        }
    }

    boolean bool(String key, boolean def) {
        Node n = get(key);
        if (n == null) {
            return def;
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
        }
        ctx.problem(n, join(path, key), "expected true or false, found " + found(n));
        return def;
    }

    /**
     * The scalar's text, or a problem when it holds a control character or half of a surrogate pair: such text
     * cannot be written back as plain YAML (scenario.resolved.yaml) or as UTF-8, so it is refused here rather than
     * after a run.
     */
    private String text(ScalarNode s, String keyPath, String def) {
        String v = s.getValue();
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            if (Character.isSurrogate((char) c)) {
                ctx.problem(s, keyPath, String.format(Locale.ROOT, "expected printable text, found half of a "
                        + "surrogate pair U+%04X at character %d", c, i + 1));
                return def;
            }
            if (!printable(c)) {
                ctx.problem(s, keyPath, String.format(Locale.ROOT, "expected printable text, found the %s U+%04X at "
                        + "character %d", c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "control character"
                        : "non-character", c, i + 1));
                return def;
            }
            i += Character.charCount(c);
        }
        return v;
    }

    /** YAML 1.1's printable characters (tab, line breaks, and the rest), less NEL (U+0085). */
    private static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    String string(String key, String def) {
        Node n = get(key);
        if (n == null) {
            return def;
        }
        if (n instanceof ScalarNode s) {
            return text(s, join(path, key), def);
        }
        ctx.problem(n, join(path, key), "expected text, found a " + kind(n));
        return def;
    }

    String requiredString(String key, String expected) {
        Node n = get(key);
        if (n == null) {
            missing(key, expected);
            return null;
        }
        if (n instanceof ScalarNode s) {
            return text(s, join(path, key), null);
        }
        ctx.problem(n, join(path, key), "expected " + expected + ", found a " + kind(n));
        return null;
    }

    /** One of {@code choices}; a misspelling gets the nearest choice as a suggestion. */
    String choice(String key, String def, List<String> choices) {
        Node n = get(key);
        if (n == null) {
            return def;
        }
        if (n instanceof ScalarNode s && choices.contains(s.getValue())) {
            return s.getValue();
        }
        String near = n instanceof ScalarNode s ? Suggest.nearest(s.getValue(), choices) : null;
        ctx.problem(n, join(path, key), "expected one of " + String.join(", ", choices) + ", found " + found(n)
                + (near != null ? " (did you mean '" + near + "'?)" : ""));
        return def;
    }

    // ---- collections ----

    MapReader map(String key) {
        return map(key, key);
    }

    MapReader map(String key, String schemaKey) {
        accepted.add(key);
        ctx.recorder.accepted(schemaPath, schemaKey);
        NodeTuple tuple = entries.get(key);
        Node n = tuple == null || (tuple.getValueNode() instanceof ScalarNode sv && sv.getTag().equals(Tag.NULL))
                ? null : tuple.getValueNode();
        if (n == null) {
            return null;
        }
        if (n instanceof MappingNode mn) {
            return new MapReader(ctx, mn, join(path, key), join(schemaPath, schemaKey));
        }
        ctx.problem(n, join(path, key), "expected a mapping of keys, found " + found(n));
        return null;
    }

    MapReader requiredMap(String key, String expected) {
        Node n = get(key);
        if (n == null) {
            missing(key, expected);
            return null;
        }
        return map(key);
    }

    /** A list of mappings; null when absent. */
    List<MapReader> mapList(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof SequenceNode sn)) {
            ctx.problem(n, join(path, key), "expected a list, found " + found(n));
            return null;
        }
        List<MapReader> out = new ArrayList<>();
        int i = 0;
        for (Node item : sn.getValue()) {
            String p = join(path, key) + "[" + i + "]";
            if (item instanceof MappingNode mn) {
                out.add(new MapReader(ctx, mn, p, join(schemaPath, key) + "[]"));
            } else {
                ctx.problem(item, p, "expected a mapping of keys, found " + found(item));
            }
            i++;
        }
        return out;
    }

    /** A list of numbers in {@code range}; null when absent or wrong. */
    double[] numberList(String key, Range range, int minLength, int maxLength) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        String p = join(path, key);
        if (!(n instanceof SequenceNode sn)) {
            ctx.problem(n, p, "expected a list of numbers, found " + found(n));
            return null;
        }
        List<Node> items = sn.getValue();
        if (items.size() < minLength || items.size() > maxLength) {
            ctx.problem(n, p, "expected a list of " + (minLength == maxLength ? Integer.toString(minLength)
                    : minLength + " to " + maxLength) + " numbers, found " + items.size());
            return null;
        }
        double[] out = new double[items.size()];
        boolean ok = true;
        for (int i = 0; i < out.length; i++) {
            out[i] = numberAt(items.get(i), p + "[" + i + "]", range);
            ok &= !Double.isNaN(out[i]);
        }
        return ok ? out : null;
    }

    /** A list of strings; null when absent. A single string is taken as a list of one. */
    List<String> stringList(String key) {
        Node n = get(key);
        if (n == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            String v = text(s, join(path, key), null);
            return v == null ? null : new ArrayList<>(List.of(v));
        }
        if (!(n instanceof SequenceNode sn)) {
            ctx.problem(n, join(path, key), "expected a list of names, found " + found(n));
            return null;
        }
        for (Node item : sn.getValue()) {
            if (item instanceof ScalarNode s) {
                String v = text(s, join(path, key), null);
                if (v != null) {
                    out.add(v);
                }
            } else {
                ctx.problem(item, join(path, key), "expected a name, found " + found(item));
            }
        }
        return out;
    }

    // ---- distributions ----

    static final List<String> DIST_KINDS = List.of("fixed", "beta", "lognormal", "normal", "triangular",
            "uniform", "gamma", "pert");

    /**
     * An uncertain value: a plain number, or a mapping {@code {dist: KIND, ...}}. Its support must
     * overlap {@code range}; draws are truncated to {@code range} by the model.
     */
    Dist dist(String key, Dist def, Range range) {
        Node n = get(key);
        if (n == null) {
            return def;
        }
        return distAt(n, key, range);
    }

    Dist requiredDist(String key, Range range) {
        Node n = get(key);
        if (n == null) {
            missing(key, range.describe() + " or a distribution such as {dist: beta, mean: 0.2, sd: 0.03}");
            return null;
        }
        return distAt(n, key, range);
    }

    private Dist distAt(Node n, String key, Range range) {
        String p = join(path, key);
        if (n instanceof ScalarNode) {
            double v = numberAt(n, p, range);
            return Double.isNaN(v) ? null : new Fixed(v);
        }
        if (!(n instanceof MappingNode mn)) {
            ctx.problem(n, p, "expected " + range.describe() + " or a distribution mapping, found " + found(n));
            return null;
        }
        MapReader m = new MapReader(ctx, mn, p, DIST_SCHEMA);
        String kind = m.choice("dist", null, DIST_KINDS);
        if (kind == null) {
            if (!m.entries.containsKey("dist")) {
                m.missing("dist", "one of " + String.join(", ", DIST_KINDS));
            }
            return null;
        }
        Dist d = null;
        int before = ctx.problems.size();
        switch (kind) {
            case "fixed" -> {
                double v = m.requiredNumber("value", range);
                if (ok(before)) {
                    d = new Fixed(v);
                }
            }
            case "beta" -> {
                double mean = m.requiredNumber("mean", new Range(0, false, 1, false));
                double sd = m.requiredNumber("sd", Range.POSITIVE);
                d = ok(before) ? make(m, Beta.problem(mean, sd), () -> new Beta(mean, sd)) : null;
            }
            case "lognormal" -> {
                boolean byMean = m.entries.containsKey("mean") || m.entries.containsKey("sd");
                if (byMean) {
                    double mean = m.requiredNumber("mean", Range.POSITIVE);
                    double sd = m.requiredNumber("sd", Range.POSITIVE);
                    m.get("median");
                    m.get("p90");
                    if (m.entries.containsKey("median") || m.entries.containsKey("p90")) {
                        m.problemAt("median", "give either median and p90, or mean and sd, not both");
                    }
                    d = ok(before) ? make(m, LogNormal.problemOfMeanSd(mean, sd), () -> LogNormal.ofMeanSd(mean, sd))
                            : null;
                } else {
                    double median = m.requiredNumber("median", Range.POSITIVE);
                    double p90 = m.requiredNumber("p90", Range.POSITIVE);
                    m.get("mean");
                    m.get("sd");
                    d = ok(before) ? make(m, LogNormal.problem(median, p90), () -> new LogNormal(median, p90)) : null;
                }
            }
            case "normal" -> {
                double mean = m.requiredNumber("mean", Range.ANY);
                double sd = m.requiredNumber("sd", Range.POSITIVE);
                d = ok(before) ? make(m, Normal.problem(mean, sd), () -> new Normal(mean, sd)) : null;
            }
            case "gamma" -> {
                double mean = m.requiredNumber("mean", Range.POSITIVE);
                double sd = m.requiredNumber("sd", Range.POSITIVE);
                d = ok(before) ? make(m, Gamma.problem(mean, sd), () -> new Gamma(mean, sd)) : null;
            }
            case "uniform" -> {
                double min = m.requiredNumber("min", Range.ANY);
                double max = m.requiredNumber("max", Range.ANY);
                d = ok(before) ? make(m, Uniform.problem(min, max), () -> new Uniform(min, max)) : null;
            }
            case "triangular" -> {
                double min = m.requiredNumber("min", Range.ANY);
                double mode = m.requiredNumber("mode", Range.ANY);
                double max = m.requiredNumber("max", Range.ANY);
                d = ok(before) ? make(m, Triangular.problem(min, mode, max), () -> new Triangular(min, mode, max))
                        : null;
            }
            case "pert" -> {
                double min = m.requiredNumber("min", Range.ANY);
                double mode = m.requiredNumber("mode", Range.ANY);
                double max = m.requiredNumber("max", Range.ANY);
                d = ok(before) ? make(m, Pert.problem(min, mode, max), () -> new Pert(min, mode, max)) : null;
            }
            default -> throw new IllegalStateException(kind);
        }
        m.finish();
        if (d != null && !overlaps(d, range)) {
            ctx.problem(n, p, "expected a distribution with values inside the key's range (" + range.describe()
                    + "), found " + d.kind() + " on [" + Range.num(d.lower()) + ", " + Range.num(d.upper()) + "]");
            return null;
        }
        return d;
    }

    private boolean ok(int before) {
        return ctx.problems.size() == before;
    }

    private static Dist make(MapReader m, String problem, java.util.function.Supplier<Dist> make) {
        if (problem != null) {
            m.ctx.problem(m.node, m.path, "invalid " + m.path.substring(m.path.lastIndexOf('.') + 1)
                    + " distribution: " + problem);
            return null;
        }
        return make.get();
    }

    /** True when at least a sliver of the distribution's mass lies in {@code range}. */
    private static boolean overlaps(Dist d, Range r) {
        double lo = Math.max(d.lower(), r.lo());
        double hi = Math.min(d.upper(), r.hi());
        if (lo > hi) {
            return false;
        }
        if (d instanceof Fixed f) {
            return r.contains(f.value());
        }
        double mass = d.cdf(hi) - d.cdf(lo);
        return mass > 1e-6;
    }
}
