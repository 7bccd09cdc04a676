package dev.interlock.engine.scenario;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the bytes of a YAML file into SnakeYAML's node tree, and nothing more: no Java object is ever
 * constructed from the document, so global tags such as {@code !!java.net.URL} cannot do anything.
 *
 * <p>Defences, each reported as a {@link Problem} rather than an exception:
 * <ul>
 *   <li>size: at most {@link #MAX_BYTES} bytes;</li>
 *   <li>encoding: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, decoded
 *       strictly: a malformed byte is an error, never a replacement character;</li>
 *   <li>alias bombs: at most {@value #MAX_ALIASES} aliases to collections (SnakeYAML's limit), and at
 *       most {@value #MAX_NODES} nodes visited with aliases expanded;</li>
 *   <li>nesting: at most {@value #MAX_DEPTH} levels;</li>
 *   <li>tags: only the standard scalar, mapping and sequence tags; anything else (a Java type, a
 *       custom {@code !tag}, a set, a binary) is refused;</li>
 *   <li>exactly one document.</li>
 * </ul>
 */
public final class YamlDocument {
    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;
    static final int MAX_NODES = 100_000;
    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.MERGE, Tag.TIMESTAMP);

    private YamlDocument() {
    }

    /**
     * Parses {@code bytes}; returns the root node, or null after adding at least one problem.
     *
     * @param file the name used in messages
     */
    public static Node parse(String file, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(file, 0, 0, "", String.format(java.util.Locale.ROOT,
                    "expected a file of at most %d KiB, found %.1f MiB", MAX_BYTES / 1024, bytes.length / 1048576.0)));
            return null;
        }
        String text = decode(file, bytes, problems);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            problems.add(new Problem(file, 0, 0, "", "the file is empty: expected a YAML mapping of scenario keys"));
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        Node root;
        try {
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "",
                    "not valid YAML: " + context + what));
            return null;
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            int[] lc = lineColumn(text, e.getPosition());
            problems.add(new Problem(file, lc[0], lc[1], "", String.format(java.util.Locale.ROOT,
                    "not valid YAML: the character U+%04X is not allowed in a YAML file", e.getCodePoint())));
            return null;
        } catch (YAMLException e) {
            Mark at = locateLimit(text);
            problems.add(new Problem(file, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1, "",
                    "not valid YAML: " + firstLine(e.getMessage())
                            + " (at most " + MAX_ALIASES + " aliases and " + MAX_DEPTH + " levels of nesting)"));
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new Problem(file, 0, 0, "", "not valid YAML: " + firstLine(String.valueOf(e.getMessage()))));
            return null;
        }
        if (root == null) {
            problems.add(new Problem(file, 0, 0, "", "the file is empty (comments only): expected a YAML mapping of "
                    + "scenario keys"));
            return null;
        }
        if (!checkTree(file, root, problems)) {
            return null;
        }
        return root;
    }

    /** Where the alias or nesting limit is first exceeded, found by re-reading the events without limits. */
    private static Mark locateLimit(String text) {
        try {
            int depth = 0;
            int aliases = 0;
            for (org.yaml.snakeyaml.events.Event ev : new Yaml(new LoaderOptions()).parse(new java.io.StringReader(text))) {
                if (ev instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
                    if (++depth > MAX_DEPTH) {
                        return ev.getStartMark();
                    }
                } else if (ev instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                } else if (ev instanceof org.yaml.snakeyaml.events.AliasEvent && ++aliases > MAX_ALIASES) {
                    return ev.getStartMark();
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** 1-based line and column of a code-point offset. */
    private static int[] lineColumn(String text, int codePointOffset) {
        int line = 1;
        int col = 1;
        int i = 0;
        int cp = 0;
        while (i < text.length() && cp < codePointOffset) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += Character.charCount(c);
            cp++;
        }
        return new int[] {line, col};
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String decode(String file, byte[] b, List<Problem> problems) {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            if (cs != StandardCharsets.UTF_8) {
                problems.add(new Problem(file, 0, 0, "", "expected text encoded as UTF-8 (or UTF-16 with a byte-order "
                        + "mark), found bytes that are not valid " + cs.name() + "; save the file as UTF-8"));
                return null;
            }
            int bad = firstBadUtf8(b, skip);
            int line = 1;
            int lineStart = skip;
            for (int i = skip; i < bad; i++) {
                if (b[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the bytes before the bad one are valid UTF-8: its column counts their characters, from 1
            String before = new String(b, lineStart, bad - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            problems.add(new Problem(file, line, column, "", String.format(java.util.Locale.ROOT,
                    "expected text encoded as UTF-8, found the byte 0x%02X, which is not (byte %d of the file); "
                            + "save the file as UTF-8", b[bad] & 0xFF, bad + 1)));
            return null;
        }
    }

    /** Index of the first byte at which {@code b} stops being valid UTF-8 (only called when it does). */
    static int firstBadUtf8(byte[] b, int from) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length - from + 1);
        java.nio.charset.CoderResult r = dec.decode(in, out, true);
        return r.isError() ? in.position() : Math.max(from, b.length - 1);
    }

    /** Tags, and a node budget with aliases expanded. */
    private static boolean checkTree(String file, Node root, List<Problem> problems) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        long visited = 0;
        Map<Node, Boolean> badTagSeen = new IdentityHashMap<>();
        int before = problems.size();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (++visited > MAX_NODES) {
                problems.add(new Problem(file, 0, 0, "", "expected a scenario of at most " + MAX_NODES
                        + " values once aliases are expanded; found more (an alias bomb?)"));
                return false;
            }
            Tag tag = n.getTag();
            if (!ALLOWED_TAGS.contains(tag) && badTagSeen.put(n, Boolean.TRUE) == null) {
                Mark m = n.getStartMark();
                problems.add(new Problem(file, m.getLine() + 1, m.getColumn() + 1, "",
                        "expected plain YAML values, found the tag " + shortTag(tag)
                                + " (tags and Java types are not allowed)"));
            }
            if (n instanceof MappingNode mn) {
                for (NodeTuple t : mn.getValue()) {
                    stack.push(t.getValueNode());
                    stack.push(t.getKeyNode());
                }
            } else if (n instanceof SequenceNode sn) {
                for (int i = sn.getValue().size() - 1; i >= 0; i--) {
                    stack.push(sn.getValue().get(i));
                }
            } else if (!(n instanceof ScalarNode)) {
                return false;
            }
        }
        return problems.size() == before;
    }

    static String shortTag(Tag tag) {
        String v = tag.getValue();
        return v.startsWith(Tag.PREFIX) ? "!!" + v.substring(Tag.PREFIX.length()) : v;
    }
}
