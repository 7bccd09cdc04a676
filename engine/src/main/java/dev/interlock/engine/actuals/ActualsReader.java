package dev.interlock.engine.actuals;

import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import dev.interlock.engine.scenario.Suggest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads actuals files (CSV, UTF-8, comma-separated, {@code #} comment lines, blank lines ignored) and
 * validates every cell; a bad file raises one {@link InputException} holding every problem found, each
 * located by file, line, column (the 1-based field number) and column name:
 * {@code actuals.csv:14:3: leads.paid: expected a whole number from 0 to 10^12 (a count), found '-3'}.
 *
 * <ul>
 *   <li><b>Monthly file</b>: a {@code month} column (YYYY-MM, consecutive, ascending) and any of
 *       {@link Actuals#METRICS}; {@code spend} and {@code leads} may also be given per channel as
 *       {@code spend.CHANNEL} / {@code leads.CHANNEL}. A blank cell (or {@code NA}) means "no data".</li>
 *   <li><b>Cohort file</b>: {@code cohort_month} (YYYY-MM), {@code tenure} (0, 1, … months since
 *       go-live) and {@code alive} (customers of the cohort alive at month end); every cohort needs its
 *       tenure-0 row and tenures without gaps.</li>
 *   <li><b>Deals file</b>: {@code lead_month} and {@code close_month} (YYYY-MM, or a date YYYY-MM-DD…,
 *       of which only the month counts), and optionally {@code deals} (a count; 1 per row without it),
 *       so a file may list each deal or aggregate them.</li>
 * </ul>
 */
public final class ActualsReader {
    /** Actuals are monthly rows and aggregated tables: 8 MiB is far beyond any real one. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final int MAX_PROBLEMS = 50;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-\\d{2}(?:[ T].*)?)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private ActualsReader() {
    }

    /**
     * Reads the monthly file and, when given, the cohort and deals files.
     *
     * @param monthly the monthly actuals
     * @param cohorts the cohort survival table, or null
     * @param deals   the deals table, or null
     * @throws InputException listing every problem in every file
     */
    public static Actuals read(Path monthly, Path cohorts, Path deals) {
        List<Problem> problems = new ArrayList<>();
        Monthly m = null;
        CohortTable c = null;
        DealTable d = null;
        Table mt = Table.open(monthly, problems);
        if (mt != null) {
            m = monthly(mt, problems);
        }
        if (cohorts != null) {
            Table ct = Table.open(cohorts, problems);
            if (ct != null) {
                c = cohorts(ct, problems);
            }
        }
        if (deals != null) {
            Table dt = Table.open(deals, problems);
            if (dt != null) {
                d = deals(dt, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() > MAX_PROBLEMS ? truncate(problems) : problems);
        }
        return new Actuals(monthly.toString(), m.first, m.months, m.columns, c, d);
    }

    private static List<Problem> truncate(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        Problem last = problems.get(MAX_PROBLEMS);
        out.add(new Problem(last.file(), 0, 0, "", "… and " + (problems.size() - MAX_PROBLEMS)
                + " more problems; fix these first"));
        return out;
    }

    // ---- the monthly file ----

    private record Monthly(YearMonth first, int months, Map<String, double[]> columns) {
    }

    private static Monthly monthly(Table t, List<Problem> problems) {
        int before = problems.size();
        int monthCol = -1;
        List<String> names = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        List<String> allowed = new ArrayList<>(Actuals.METRICS);
        allowed.add("month");
        for (int i = 0; i < t.header.size(); i++) {
            String h = t.header.get(i);
            String canonical = h.toLowerCase(Locale.ROOT);
            if (canonical.equals("month")) {
                if (monthCol >= 0) {
                    t.problem(problems, t.headerLine, i, h, "expected one month column, found a second one");
                }
                monthCol = i;
                continue;
            }
            String why = columnProblem(canonical, allowed);
            if (why != null) {
                t.problem(problems, t.headerLine, i, h, why);
            } else if (names.contains(canonical)) {
                t.problem(problems, t.headerLine, i, h, "expected each column once, found '" + h + "' twice");
            } else {
                names.add(canonical);
                fields.add(i);
            }
        }
        if (monthCol < 0) {
            t.problem(problems, t.headerLine, -1, "", "expected a 'month' column (YYYY-MM), found columns "
                    + String.join(", ", t.header));
        }
        for (String n : names) {
            int dot = n.indexOf('.');
            if (dot > 0 && names.contains(n.substring(0, dot))) {
                t.problem(problems, t.headerLine, fields.get(names.indexOf(n)), n, "give " + n.substring(0, dot)
                        + " either as a total or per channel, not both (found '" + n.substring(0, dot)
                        + "' and '" + n + "')");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (t.rows.isEmpty()) {
            t.problem(problems, t.headerLine, -1, "", "expected at least one month of data, found only the header");
            return null;
        }
        YearMonth first = null;
        int n = t.rows.size();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String name : names) {
            double[] v = new double[n];
            java.util.Arrays.fill(v, Double.NaN);
            columns.put(name, v);
        }
        for (int r = 0; r < n; r++) {
            Row row = t.rows.get(r);
            if (!t.width(problems, row)) {
                continue;
            }
            YearMonth m = month(t, problems, row, monthCol, "month", false);
            if (m != null && first == null && r == 0) {
                first = m;
            }
            if (m != null && first != null) {
                YearMonth expected = first.plusMonths(r);
                if (!m.equals(expected)) {
                    t.problem(problems, row.line, monthCol, "month", "expected " + expected + " (months must be "
                            + "consecutive and ascending; leave cells blank for a month without data), found '"
                            + row.values.get(monthCol) + "'");
                }
            }
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(k);
                String metric = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                columns.get(name)[r] = value(t, problems, row, fields.get(k), name,
                        !Actuals.MONEY.contains(metric));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        impossible(t, problems, names, fields, columns, first);
        if (problems.size() > before) {
            return null;
        }
        return new Monthly(first, n, columns);
    }

    /**
     * Counts that contradict each other. Over the whole file: more qualified than leads, or more wins than
     * qualified (or than leads, without a qualified column) — a single month may legitimately exceed its own
     * leads when sales works a queue carried from earlier months, but no history can qualify or win more leads
     * than it had (the rates would be above 1). Row by row: more churned than the customers who could have
     * churned — those live at the previous month's end plus this month's go-lives (or closes, without go_lives).
     */
    private static void impossible(Table t, List<Problem> problems, List<String> names, List<Integer> fields,
                                   Map<String, double[]> columns, YearMonth first) {
        int n = t.rows.size();
        Actuals a = new Actuals(t.name, first, n, columns, null, null);
        double[] leads = a.total("leads");
        double[] qualified = a.total("qualified");
        double[] wins = a.total("wins");
        double[] churned = a.total("churned");
        double[] active = a.total("active_customers");
        double[] joined = a.total("go_lives") != null ? a.total("go_lives") : a.total("closes");
        String joinedName = a.total("go_lives") != null ? "go_lives" : "closes";
        String leadsName = columns.containsKey("leads") ? "leads" : "leads (the sum of its channels)";
        if (qualified != null && leads != null) {
            exceeds(t, problems, fields.get(names.indexOf("qualified")), "qualified", qualified, leadsName, leads);
        }
        double[] of = qualified != null ? qualified : leads;
        if (wins != null && of != null) {
            exceeds(t, problems, fields.get(names.indexOf("wins")), "wins", wins,
                    qualified != null ? "qualified" : leadsName, of);
        }
        for (int r = 0; r < n; r++) {
            int line = t.rows.get(r).line;
            YearMonth m = first.plusMonths(r);
            if (churned != null && active != null && r > 0 && !Double.isNaN(active[r - 1])) {
                double joinedNow = joined == null || Double.isNaN(joined[r]) ? 0 : joined[r];
                double atRisk = active[r - 1] + joinedNow;
                if (churned[r] > atRisk) {
                    t.problem(problems, line, fields.get(names.indexOf("churned")), "churned", "expected at most the "
                            + "customers who could churn in " + m + ": active_customers at the end of " + m.minusMonths(1)
                            + " (" + num(active[r - 1]) + ")" + (joinedNow > 0 ? " plus this month's " + joinedName
                            + " (" + num(joinedNow) + ")" : "") + ", found " + num(churned[r]) + " churned");
                }
            }
        }
    }

    /** A problem, on the header's column, when Σ part > Σ whole over the months where both are given. */
    private static void exceeds(Table t, List<Problem> problems, int field, String partName, double[] part,
                                String wholeName, double[] whole) {
        double sp = 0;
        double sw = 0;
        int months = 0;
        for (int r = 0; r < part.length; r++) {
            if (!Double.isNaN(part[r]) && !Double.isNaN(whole[r])) {
                sp += part[r];
                sw += whole[r];
                months++;
            }
        }
        if (sp > sw) {
            t.problem(problems, 1, field, partName, "expected at most as many " + partName + " as " + wholeName
                    + " over the months that give both, found " + num(sp) + " " + partName + " of " + num(sw) + " over "
                    + months + (months == 1 ? " month" : " months") + " (a rate above 1)");
        }
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%d", (long) x) : Double.toString(x);
    }

    /** Null if {@code name} is a valid monthly column, else what is wrong with it. */
    private static String columnProblem(String name, List<String> allowed) {
        if (Actuals.METRICS.contains(name)) {
            return null;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String metric = name.substring(0, dot);
            String channel = name.substring(dot + 1);
            if (Actuals.PER_CHANNEL.contains(metric)) {
                return CHANNEL.matcher(channel).matches() ? null : "expected a channel name of lower-case letters, "
                        + "digits and _ after '" + metric + ".', found '" + channel + "'";
            }
            if (Actuals.METRICS.contains(metric)) {
                return "only " + String.join(" and ", Actuals.PER_CHANNEL) + " may be given per channel, found '"
                        + name + "'";
            }
        }
        String near = Suggest.nearest(name, allowed);
        return "unknown column '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                + "; expected month, " + String.join(", ", Actuals.METRICS) + ", or spend.CHANNEL / leads.CHANNEL";
    }

    // ---- the cohort file ----

    private static CohortTable cohorts(Table t, List<Problem> problems) {
        int before = problems.size();
        t.known(problems, List.of("cohort_month", "tenure", "alive"), "cohort_month, tenure and alive");
        int[] col = t.require(problems, "cohort_month", "tenure", "alive");
        if (col == null || problems.size() > before) {
            return null;
        }
        TreeMap<YearMonth, TreeMap<Integer, Long>> cells = new TreeMap<>();
        Map<YearMonth, Integer> firstLine = new HashMap<>();
        for (Row row : t.rows) {
            if (!t.width(problems, row)) {
                continue;
            }
            YearMonth m = month(t, problems, row, col[0], "cohort_month", false);
            double tenure = required(t, problems, row, col[1], "tenure");
            double alive = required(t, problems, row, col[2], "alive");
            if (m == null || Double.isNaN(tenure) || Double.isNaN(alive)) {
                continue;
            }
            if (tenure > 600) {
                t.problem(problems, row.line, col[1], "tenure", "expected months since go-live from 0 to 600, found "
                        + row.values.get(col[1]));
                continue;
            }
            TreeMap<Integer, Long> c = cells.computeIfAbsent(m, k -> new TreeMap<>());
            firstLine.putIfAbsent(m, row.line);
            if (c.put((int) tenure, (long) alive) != null) {
                t.problem(problems, row.line, col[1], "tenure", "expected one row per cohort and tenure, found a "
                        + "second row for cohort " + m + ", tenure " + (int) tenure);
            }
        }
        List<CohortTable.Cohort> out = new ArrayList<>();
        for (Map.Entry<YearMonth, TreeMap<Integer, Long>> e : cells.entrySet()) {
            TreeMap<Integer, Long> c = e.getValue();
            int line = firstLine.get(e.getKey());
            if (!c.containsKey(0)) {
                t.problem(problems, line, col[1], "tenure", "expected a row with tenure 0 (the cohort's size) for "
                        + "cohort " + e.getKey() + ", found tenures from " + c.firstKey());
                continue;
            }
            if (c.lastKey() != c.size() - 1) {
                int gap = 0;
                while (c.containsKey(gap)) {
                    gap++;
                }
                t.problem(problems, line, col[1], "tenure", "expected tenures 0, 1, 2, … without gaps for cohort "
                        + e.getKey() + ", found no row for tenure " + gap);
                continue;
            }
            long[] alive = new long[c.size()];
            for (Map.Entry<Integer, Long> a : c.entrySet()) {
                alive[a.getKey()] = a.getValue();
            }
            for (int k = 1; k < alive.length; k++) {
                if (alive[k] > alive[0]) {
                    t.problem(problems, line, col[2], "alive", "expected at most the cohort's size (" + alive[0]
                            + ") alive in cohort " + e.getKey() + ", found " + alive[k] + " at tenure " + k);
                    break;
                }
            }
            if (alive[0] == 0) {
                t.problem(problems, line, col[2], "alive", "expected a cohort size > 0 at tenure 0 for cohort "
                        + e.getKey() + ", found 0");
            }
            out.add(new CohortTable.Cohort(e.getKey(), alive));
        }
        if (out.isEmpty() && problems.size() == before) {
            t.problem(problems, t.headerLine, -1, "", "expected at least one cohort row, found only the header");
        }
        return problems.size() > before ? null : new CohortTable(t.name, out);
    }

    // ---- the deals file ----

    private static DealTable deals(Table t, List<Problem> problems) {
        int before = problems.size();
        t.known(problems, List.of("lead_month", "close_month", "deals"), "lead_month, close_month and optionally "
                + "deals (the number of deals the row stands for; without the column each row is one deal)");
        int[] col = t.require(problems, "lead_month", "close_month");
        if (col == null || problems.size() > before) {
            return null;
        }
        int dealsCol = t.header.indexOf("deals");
        TreeMap<YearMonth, TreeMap<Integer, Long>> byLead = new TreeMap<>();
        for (Row row : t.rows) {
            if (!t.width(problems, row)) {
                continue;
            }
            YearMonth lead = month(t, problems, row, col[0], "lead_month", true);
            YearMonth close = month(t, problems, row, col[1], "close_month", true);
            double count = dealsCol < 0 ? 1 : required(t, problems, row, dealsCol, "deals");
            if (lead == null || close == null || Double.isNaN(count)) {
                continue;
            }
            long lag = lead.until(close, java.time.temporal.ChronoUnit.MONTHS);
            if (lag < 0) {
                t.problem(problems, row.line, col[1], "close_month", "expected a close month on or after the lead "
                        + "month " + lead + ", found " + close);
                continue;
            }
            if (lag > 600) {
                t.problem(problems, row.line, col[1], "close_month", "expected a close within 600 months of the "
                        + "lead, found " + lag + " months");
                continue;
            }
            byLead.computeIfAbsent(lead, k -> new TreeMap<>()).merge((int) lag, (long) count, Long::sum);
        }
        if (t.rows.isEmpty()) {
            t.problem(problems, t.headerLine, -1, "", "expected at least one deal row, found only the header");
        }
        return problems.size() > before ? null : new DealTable(t.name, byLead);
    }

    // ---- cells ----

    /** A count that must be present: records a problem for a blank cell as well. */
    private static double required(Table t, List<Problem> problems, Row row, int field, String column) {
        String s = row.values.get(field);
        if (s.isEmpty() || isNa(s)) {
            t.problem(problems, row.line, field, column, "expected a whole number ≥ 0 in every row of this table, "
                    + "found a blank");
            return Double.NaN;
        }
        return value(t, problems, row, field, column, true);
    }

    private static boolean isNa(String s) {
        return s.equalsIgnoreCase("NA");
    }

    /** A cell's value: NaN when blank or NA; records a problem (and returns NaN) when it is not a valid number. */
    private static double value(Table t, List<Problem> problems, Row row, int field, String column, boolean count) {
        String s = row.values.get(field);
        if (s.isEmpty() || isNa(s)) {
            return Double.NaN;
        }
        // bounds as in scenarios: counts and money at most 10^12 and 10^15, far beyond any business
        String what = count ? "a whole number from 0 to 10^12 (a count)" : "a number from 0 to 10^15";
        if (!NUMBER.matcher(s).matches()) {
            String hint = s.matches("[0-9.,]+") && s.contains(",") ? " (write numbers without thousands "
                    + "separators, with '.' as the decimal point)" : "";
            t.problem(problems, row.line, field, column, "expected " + what + ", found '" + s + "'" + hint);
            return Double.NaN;
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v) || v < 0 || (count && v != Math.rint(v)) || v > (count ? 1e12 : 1e15)) {
            t.problem(problems, row.line, field, column, "expected " + what + ", found '" + s + "'");
            return Double.NaN;
        }
        return v;
    }

    /** A month cell; with {@code dates}, a date's month. Records a problem and returns null when invalid. */
    private static YearMonth month(Table t, List<Problem> problems, Row row, int field, String column,
                                   boolean dates) {
        String s = row.values.get(field);
        Matcher m = (dates ? DATE : MONTH).matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12 && year >= 1900 && year <= 2999) {
                return YearMonth.of(year, month);
            }
        }
        String hint = !dates && DATE.matcher(s).matches() && s.length() > 7 ? " (write the month only: "
                + s.substring(0, 7) + ")" : "";
        if (m.matches()) {
            hint += " (months from 1900-01 to 2999-12)";
        }
        t.problem(problems, row.line, field, column, "expected a month written YYYY-MM" + (dates ? " or a date "
                + "YYYY-MM-DD" : "") + ", found '" + s + "'" + hint);
        return null;
    }

    // ---- the CSV layer ----

    private record Row(int line, List<String> values) {
    }

    /** A parsed CSV file: header, rows with their line numbers. */
    private static final class Table {
        final String name;
        final List<String> header = new ArrayList<>();
        final List<String> rawHeader = new ArrayList<>();
        int headerLine;
        final List<Row> rows = new ArrayList<>();
        /** Column names {@link #known} already suggested for an unknown column: not reported missing again. */
        final java.util.Set<String> suggested = new java.util.HashSet<>();

        private Table(String name) {
            this.name = name;
        }

        static Table open(Path file, List<Problem> problems) {
            String name = file.toString();
            String text;
            try {
                if (Files.isDirectory(file)) {
                    problems.add(new Problem(name, 0, 0, "", "expected a CSV file, found a directory"));
                    return null;
                }
                // read at most one byte past the limit: a device or a pipe has no size to check beforehand
                byte[] bytes;
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) MAX_BYTES + 1);
                }
                if (bytes.length > MAX_BYTES) {
                    problems.add(new Problem(name, 0, 0, "", "expected a file of at most " + MAX_BYTES / 1048576
                            + " MiB, found " + (Files.isRegularFile(file) ? Files.size(file) / 1048576 + " MiB"
                            : "more")));
                    return null;
                }
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (NoSuchFileException e) {
                problems.add(new Problem(name, 0, 0, "", "no such file"));
                return null;
            } catch (CharacterCodingException e) {
                problems.add(new Problem(name, 0, 0, "", "expected a UTF-8 text file, found bytes that are not UTF-8"));
                return null;
            } catch (IOException e) {
                problems.add(new Problem(name, 0, 0, "", "cannot read the file: " + e.getMessage()));
                return null;
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Table t = new Table(name);
            CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
                    .setTrim(true).build();
            try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
                for (CSVRecord r : p) {
                    int endLine = (int) p.getCurrentLineNumber();
                    int inner = 0;
                    for (String v : r) {
                        inner += newlines(v);
                    }
                    int line = endLine - inner;
                    List<String> values = r.toList();
                    if (t.headerLine == 0) {
                        t.headerLine = line;
                        for (String v : values) {
                            t.rawHeader.add(v);
                            t.header.add(v.toLowerCase(Locale.ROOT));
                        }
                    } else {
                        t.rows.add(new Row(line, values));
                    }
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
                String msg = cause.getMessage() == null ? "unreadable" : cause.getMessage();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(startline (\\d+)\\)\\s*(.*)").matcher(msg);
                int line = 0;
                if (m.find()) {
                    line = Integer.parseInt(m.group(1));
                    msg = m.group(2);
                }
                if (msg.contains("EOF reached before encapsulated token finished")) {
                    msg = "a quoted cell that starts here is never closed (a missing \" ?)";
                }
                problems.add(new Problem(name, line, line > 0 ? 1 : 0, "", "not a valid CSV file: " + msg));
                return null;
            }
            if (t.headerLine == 0) {
                problems.add(new Problem(name, 0, 0, "", "expected a header line naming the columns, found an empty "
                        + "file"));
                return null;
            }
            return t;
        }

        private static int newlines(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n'))) {
                    n++;
                }
            }
            return n;
        }

        /**
         * Records a problem for each header column not in {@code allowed} (naming the nearest allowed one) and
         * for each column given twice: a table's columns are fixed, and an unread column would be data lost.
         */
        void known(List<Problem> problems, List<String> allowed, String expected) {
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i);
                if (!allowed.contains(h)) {
                    String near = Suggest.nearest(h, allowed);
                    if (near != null) {
                        suggested.add(near);
                    }
                    problem(problems, headerLine, i, rawHeader.get(i), "unknown column '" + rawHeader.get(i) + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; expected " + expected);
                } else if (header.indexOf(h) < i) {
                    problem(problems, headerLine, i, rawHeader.get(i), "expected each column once, found '"
                            + rawHeader.get(i) + "' twice");
                }
            }
        }

        /** The fields of required columns, or null (with a problem for each missing one). */
        int[] require(List<Problem> problems, String... names) {
            int[] out = new int[names.length];
            boolean ok = true;
            for (int k = 0; k < names.length; k++) {
                out[k] = header.indexOf(names[k]);
                if (out[k] < 0) {
                    ok = false;
                    if (suggested.contains(names[k])) {
                        continue;
                    }
                    String near = dev.interlock.engine.scenario.Suggest.nearest(names[k], rawHeader);
                    problem(problems, headerLine, -1, "", "expected a column '" + names[k] + "', found columns "
                            + String.join(", ", rawHeader)
                            + (near != null ? " (is '" + near + "' meant to be '" + names[k] + "'?)" : ""));
                }
            }
            return ok ? out : null;
        }

        /** Checks that a row has as many fields as the header. */
        boolean width(List<Problem> problems, Row row) {
            if (row.values.size() != header.size()) {
                problem(problems, row.line, -1, "", "expected " + header.size() + " fields (as in the header), found "
                        + row.values.size());
                return false;
            }
            return true;
        }

        /** @param field 0-based field, or −1 for the whole line */
        void problem(List<Problem> problems, int line, int field, String column, String message) {
            problems.add(new Problem(name, line, field + 1, column, message));
        }
    }
}
