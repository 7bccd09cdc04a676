package dev.interlock.engine.scenario;

import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.scenario.Scenario.Channel;
import dev.interlock.engine.scenario.Scenario.Finance;
import dev.interlock.engine.scenario.Scenario.Funnel;
import dev.interlock.engine.scenario.Scenario.Hire;
import dev.interlock.engine.scenario.Scenario.Hiring;
import dev.interlock.engine.scenario.Scenario.Onboarding;
import dev.interlock.engine.scenario.Scenario.Policy;
import dev.interlock.engine.scenario.Scenario.Response;
import dev.interlock.engine.scenario.Scenario.Retention;
import dev.interlock.engine.scenario.Scenario.Revenue;
import dev.interlock.engine.scenario.Scenario.Sales;
import dev.interlock.engine.scenario.Scenario.Spend;
import dev.interlock.engine.scenario.Scenario.SpendPacing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Scenario file → validated {@link Scenario}. All validation of scenario input happens here, before
 * any trial runs; a bad file raises one {@link InputException} holding every problem found.
 */
public final class ScenarioLoader {
    public static final int MAX_HORIZON = 600;
    /** Most marketing channels: with each channel's leads capped at 10^12 a month, every count stays below 10^15. */
    public static final int MAX_CHANNELS = 100;
    public static final int MAX_TRIALS = 100_000_000;
    static final int MAX_LAG = 60;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])(-\\d{2})?");

    private ScenarioLoader() {
    }

    /** Loads and validates a scenario file. @throws InputException with every problem found */
    public static Scenario load(Path file) {
        return load(file, KeyRecorder.NONE);
    }

    public static Scenario load(Path file, KeyRecorder recorder) {
        String name = file.toString();
        byte[] bytes = readFile(file, name);
        Path dir = file.toAbsolutePath().getParent();
        return parse(name, bytes, dir, recorder);
    }

    static byte[] readFile(Path file, String name) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(new Problem(name, 0, 0, "", "expected a scenario file, found a directory"));
            }
            // read at most one byte past the limit: a device or a pipe has no size to check beforehand
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(YamlDocument.MAX_BYTES + 1);
            }
            if (bytes.length > YamlDocument.MAX_BYTES) {
                long size = Files.isRegularFile(file) ? Files.size(file) : -1;
                throw new InputException(new Problem(name, 0, 0, "", "expected a file of at most "
                        + YamlDocument.MAX_BYTES / 1024 + " KiB, found " + (size >= 0 ? String.format(
                        java.util.Locale.ROOT, "%.1f MiB", size / 1048576.0) : "more")));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(name, 0, 0, "", "no such file"));
        } catch (IOException e) {
            throw new InputException(new Problem(name, 0, 0, "", "cannot read the file: " + e.getMessage()));
        }
    }

    /** Parses scenario bytes; {@code baseDir} resolves {@code include} paths (may be null: no includes). */
    public static Scenario parse(String fileName, byte[] bytes, Path baseDir, KeyRecorder recorder) {
        List<Problem> problems = new ArrayList<>();
        Node root = YamlDocument.parse(fileName, bytes, problems);
        if (root == null) {
            throw new InputException(problems);
        }
        MapReader.Ctx ctx = new MapReader.Ctx(fileName, problems, recorder);
        if (!(root instanceof MappingNode rootMap)) {
            ctx.problem(root, "", "expected a mapping of scenario keys (name, horizon_months, marketing, ...), found "
                    + MapReader.found(root));
            throw new InputException(problems);
        }
        if (isStructuresFile(rootMap)) {
            // a file of structures only (scenarios/structures.yaml) is included by scenarios, not run: one problem
            // saying so, rather than one "missing required key" per scenario section
            String base = Path.of(fileName).getFileName() == null ? fileName : Path.of(fileName).getFileName().toString();
            ctx.problem(null, "", "this is a structures file, meant to be included from a scenario (include: "
                    + base + "), not a scenario on its own: give the command a scenario that includes it, such as "
                    + "scenarios/saas.yaml");
            throw new InputException(problems);
        }
        Scenario s = new ScenarioLoader.Reading(ctx, baseDir).scenario(new MapReader(ctx, rootMap, "", ""));
        if (!problems.isEmpty() || s == null) {
            problems.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                    .thenComparingInt(Problem::column));
            throw new InputException(problems);
        }
        return s;
    }

    /** True when the top-level keys are structures (and at most a description): what an included file holds. */
    static boolean isStructuresFile(MappingNode root) {
        Set<String> keys = new HashSet<>();
        for (org.yaml.snakeyaml.nodes.NodeTuple t : root.getValue()) {
            if (!(t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k)) {
                return false;
            }
            keys.add(k.getValue());
        }
        return keys.contains("structures") && Set.of("structures", "description").containsAll(keys);
    }

    /** One pass over one scenario file. */
    private static final class Reading {
        private final MapReader.Ctx ctx;
        private final Path baseDir;
        private int horizon = 1;
        /** False when horizon_months is missing or invalid: checks against the horizon are then skipped. */
        private boolean horizonKnown;

        Reading(MapReader.Ctx ctx, Path baseDir) {
            this.ctx = ctx;
            this.baseDir = baseDir;
        }

        Scenario scenario(MapReader r) {
            String name = r.requiredString("name", "a short name for the scenario");
            String description = r.string("description", "");
            long seed = r.longValue("seed", 1);
            int trials = r.integer("trials", 10_000, 1, MAX_TRIALS);
            int problemsBefore = ctx.problems.size();
            horizon = r.requiredInteger("horizon_months", 1, MAX_HORIZON);
            horizonKnown = ctx.problems.size() == problemsBefore;
            if (horizon < 1) {
                horizon = 1;
            }
            String startMonth = r.string("start_month", null);
            if (startMonth != null && !MONTH.matcher(startMonth).matches()) {
                r.problemAt("start_month", "expected a month written YYYY-MM (for example 2027-01), found '"
                        + startMonth + "'");
                startMonth = null;
            } else if (startMonth != null) {
                startMonth = startMonth.substring(0, 7);
                java.time.YearMonth first = java.time.YearMonth.parse(startMonth);
                java.time.YearMonth last = first.plusMonths(horizon - 1L);
                if (first.getYear() < 1900 || last.getYear() > 2999) {
                    // as in actuals: calendar labels are four-digit years
                    r.problemAt("start_month", "expected a month from 1900-01 on, with the horizon ending by 2999-12, "
                            + "found '" + startMonth + "'" + (last.getYear() > 2999 ? " (its " + horizon
                            + " months end in " + last + ")" : ""));
                    startMonth = null;
                }
            }
            String currency = r.string("currency", "USD");

            List<Channel> channels = marketing(r);
            Funnel funnel = funnel(r.requiredMap("funnel", "the funnel: qualification_rate, win_rate, sales_cycle_months"));
            Sales sales = sales(r.requiredMap("sales", "sales capacity: reps, leads_per_rep_month"));
            Onboarding onboarding = onboarding(r.requiredMap("onboarding",
                    "operations: staff, customers_per_staff_month"));
            Retention retention = retention(r.requiredMap("retention", "churn: model and its parameters"));
            Revenue revenue = revenue(r.requiredMap("revenue", "deal size: acv"));
            Finance finance = finance(r.requiredMap("finance", "gross_margin"));

            Map<String, Policy> structures = new LinkedHashMap<>();
            List<String> includes = r.stringList("include");
            // when an included file could not be read, its structures are unknown: names that may be defined
            // there are not reported as undefined (the include's own problem is)
            boolean structuresKnown = true;
            if (includes != null) {
                for (String inc : includes) {
                    structuresKnown &= include(r, inc, structures, onboarding);
                }
            }
            MapReader sm = r.map("structures");
            if (sm != null) {
                readStructures(sm, structures, onboarding);
            }
            if (structures.isEmpty()) {
                structures.put("default", neutralPolicy("default", onboarding));
            }
            String structure = r.string("structure", structures.keySet().iterator().next());
            if (structuresKnown && !structures.containsKey(structure)) {
                String near = Suggest.nearest(structure, structures.keySet());
                r.problemAt("structure", "expected the name of a defined structure (" + String.join(", ",
                        structures.keySet()) + "), found '" + structure + "'"
                        + (near != null ? " (did you mean '" + near + "'?)" : ""));
            }
            List<String> compare = r.stringList("compare");
            if (compare == null) {
                compare = new ArrayList<>(structures.keySet());
            } else {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (String c : compare) {
                    if (!seen.add(c)) {
                        r.problemAt("compare", "expected each structure once, found '" + c + "' twice (a comparison "
                                + "runs each once; its files are named after it)");
                    }
                    if (structuresKnown && !structures.containsKey(c)) {
                        String near = Suggest.nearest(c, structures.keySet());
                        r.problemAt("compare", "expected names of defined structures, found '" + c + "'"
                                + (near != null ? " (did you mean '" + near + "'?)" : ""));
                    }
                }
            }
            r.finish();
            if (!ctx.problems.isEmpty()) {
                return null;
            }
            return new Scenario(name, description, seed, trials, horizon, startMonth, currency, channels, funnel,
                    sales, onboarding, retention, revenue, finance, structure, structures, compare);
        }

        // ---- section 1 ----

        private List<Channel> marketing(MapReader r) {
            MapReader m = r.requiredMap("marketing", "marketing: a list of channels");
            List<Channel> out = new ArrayList<>();
            if (m == null) {
                return out;
            }
            List<MapReader> list = m.mapList("channels");
            if (list == null) {
                if (!m.has("channels")) {
                    m.missing("channels", "a list of channels, each with name, spend and response");
                }
                m.finish();
                return out;
            }
            if (list.isEmpty()) {
                m.problemAt("channels", "expected at least one channel, found an empty list");
            } else if (list.size() > MAX_CHANNELS) {
                m.problemAt("channels", "expected at most " + MAX_CHANNELS + " channels, found " + list.size()
                        + " (group small ones into one channel)");
            }
            Set<String> names = new HashSet<>();
            for (MapReader c : list) {
                String name = c.requiredString("name", "a channel name such as paid_search");
                if (name != null && !NAME.matcher(name).matches()) {
                    c.problemAt("name", "expected a name of lower-case letters, digits and _, found '" + name + "'");
                } else if (name != null && !names.add(name)) {
                    c.problemAt("name", "expected a unique channel name, found '" + name + "' twice");
                }
                Spend spend = spend(c.requiredMap("spend", "spend: base (per month) or plan (a list)"));
                double carryover = c.number("carryover", 0, new Range(0, true, 1, false));
                Response response = response(c.requiredMap("response",
                        "response: type linear with cost_per_lead, or type hill"));
                double dispersion = c.number("dispersion", 0, Range.NON_NEGATIVE);
                c.finish();
                out.add(new Channel(name, spend, carryover, response, dispersion));
            }
            m.finish();
            return out;
        }

        private Spend spend(MapReader s) {
            if (s == null) {
                return null;
            }
            double[] plan = s.numberList("plan", Range.MONEY, 1, MAX_HORIZON * 10);
            Spend result;
            if (plan != null) {
                if (horizonKnown && plan.length < horizon) {
                    s.problemAt("plan", "expected a planned spend for each of the " + horizon
                            + " months of the horizon, found " + plan.length);
                }
                for (String k : List.of("base", "growth", "seasonality")) {
                    if (s.has(k)) {
                        s.problemAt(k, "give either plan (a list per month) or base/growth/seasonality, not both");
                    }
                }
                result = new Spend(0, 0, null, plan);
            } else {
                double base = s.requiredNumber("base", Range.MONEY);
                double growth = s.number("growth", 0, Range.RATE);
                double[] season = s.numberList("seasonality", Range.NON_NEGATIVE, 12, 12);
                if (season == null) {
                    season = new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
                }
                double last = base * Math.pow(1 + growth, Math.max(0, horizon - 1));
                if (horizonKnown && !Double.isNaN(growth) && !Double.isNaN(base) && !(last <= Range.MONEY.hi())) {
                    s.problemAt("growth", "expected a growth rate that keeps planned spend at most 10^15 a month "
                            + "over " + horizon + " months, found " + growth + " (spend would reach "
                            + String.format(java.util.Locale.ROOT, "%.3g", last) + ")"
                            + (growth >= 1 ? "; growth is a share per month: 3 % a month is 0.03" : ""));
                }
                double seasonMax = 0;
                for (double x : season) {
                    seasonMax = Math.max(seasonMax, x);
                }
                double peak = Math.max(base, last) * seasonMax;   // an upper bound on every month's planned spend
                if (horizonKnown && last <= Range.MONEY.hi() && !Double.isNaN(seasonMax) && !(peak <= Range.MONEY.hi())) {
                    s.problemAt("seasonality", "expected multipliers that keep planned spend at most 10^15 a month, "
                            + "found a largest multiplier of " + Range.num(seasonMax) + " (spend could reach "
                            + String.format(java.util.Locale.ROOT, "%.3g", peak) + ")");
                }
                result = new Spend(base, growth, season, null);
            }
            s.finish();
            return result;
        }

        private Response response(MapReader m) {
            if (m == null) {
                return null;
            }
            String type = m.choice("type", "linear", List.of("linear", "hill"));
            Response r;
            if ("hill".equals(type)) {
                Dist max = m.requiredDist("max_leads", new Range(0, false, 1e12, true));
                Dist k = m.requiredDist("half_saturation_spend", Range.POSITIVE);
                Dist shape = m.dist("shape", new Fixed(1), new Range(0, false, 20, true));
                r = new Scenario.Hill(max, k, shape);
            } else {
                r = new Scenario.Linear(m.requiredDist("cost_per_lead", Range.POSITIVE));
            }
            m.finish();
            return r;
        }

        // ---- section 2 ----

        private Funnel funnel(MapReader f) {
            if (f == null) {
                return null;
            }
            Dist qual = f.requiredDist("qualification_rate", Range.PROBABILITY);
            Dist win = f.requiredDist("win_rate", Range.PROBABILITY);
            Dist decay = f.dist("unworked_decay", new Fixed(0.3), Range.PROBABILITY);
            Node cycleNode = f.get("sales_cycle_months");
            if (cycleNode instanceof org.yaml.snakeyaml.nodes.ScalarNode sn
                    && (sn.getTag().equals(org.yaml.snakeyaml.nodes.Tag.INT) || sn.getTag().equals(org.yaml.snakeyaml.nodes.Tag.FLOAT))) {
                // a single number reads naturally ("2 months") but the key is the spread of closes over months
                f.problemAt("sales_cycle_months", "expected a list of shares of deals closing 0, 1, 2, … months after "
                        + "the win, such as [0.2, 0.5, 0.3]; found the number " + sn.getValue() + " (if every deal "
                        + "closes " + sn.getValue() + " months after its win, write a list with 1 at that place, "
                        + "e.g. [0, 0, 1] for 2)");
                f.finish();
                return new Funnel(qual, win, decay, new double[] {1});
            }
            double[] cycle = f.numberList("sales_cycle_months", Range.PROBABILITY, 1, MAX_LAG + 1);
            if (cycle == null && !f.has("sales_cycle_months")) {
                cycle = new double[] {1};
            } else if (cycle != null) {
                double sum = 0;
                for (double p : cycle) {
                    sum += p;
                }
                if (Math.abs(sum - 1) > 1e-6) {
                    f.problemAt("sales_cycle_months", "expected probabilities that sum to 1 (share of deals closing "
                            + "0, 1, 2, ... months after the win), found a sum of " + Range.num(sum));
                }
            }
            f.finish();
            return new Funnel(qual, win, decay, cycle);
        }

        private Sales sales(MapReader s) {
            if (s == null) {
                return null;
            }
            int reps = s.requiredInteger("reps", 0, 1_000_000);
            Dist perRep = s.requiredDist("leads_per_rep_month", Range.POSITIVE);
            int ramp = s.integer("ramp_months", 3, 0, 36);
            double cost = s.number("cost_per_rep_month", 0, Range.MONEY);
            List<Hire> hires = hires(s);
            s.finish();
            return new Sales(reps, perRep, ramp, cost, hires);
        }

        private List<Hire> hires(MapReader parent) {
            List<Hire> out = new ArrayList<>();
            List<MapReader> list = parent.mapList("hires");
            if (list == null) {
                return out;
            }
            for (MapReader h : list) {
                // against an unknown horizon (its own problem is reported) any month up to the largest is accepted
                int month = h.requiredInteger("month", 1, horizonKnown ? horizon : MAX_HORIZON);
                int count = h.requiredInteger("count", 1, 100_000);
                h.finish();
                out.add(new Hire(month, count));
            }
            return out;
        }

        // ---- section 3 ----

        private Onboarding onboarding(MapReader o) {
            if (o == null) {
                return null;
            }
            int staff = o.requiredInteger("staff", 0, 1_000_000);
            Dist perStaff = o.requiredDist("customers_per_staff_month", Range.POSITIVE);
            int ramp = o.integer("ramp_months", 2, 0, 36);
            double cost = o.number("cost_per_staff_month", 0, Range.MONEY);
            Dist waitChurn = o.dist("churn_while_waiting", new Fixed(0), Range.PROBABILITY);
            double defaultThreshold = perStaff == null ? 0 : Math.floor(Math.max(1, staff) * perStaff.mean());
            double threshold = o.number("backlog_threshold", defaultThreshold, Range.NON_NEGATIVE);
            String starts = o.choice("revenue_starts", "go_live", List.of("go_live", "close"));
            List<Hire> hires = hires(o);
            Hiring hiring = hiring(o);
            o.finish();
            return new Onboarding(staff, perStaff, ramp, cost, waitChurn, threshold, "close".equals(starts), hires,
                    hiring);
        }

        /** {@code hiring:} as a mapping, or {@code true}/{@code false} for the defaults on or off. */
        private Hiring hiring(MapReader o) {
            Node n = o.get("hiring");
            if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode sn && sn.getTag().equals(org.yaml.snakeyaml.nodes.Tag.BOOL)) {
                Hiring d = Hiring.OFF;
                return o.bool("hiring", false) ? new Hiring(true, d.leadTimeMonths(), d.backlogClearMonths(),
                        d.targetUtilization(), d.maxHiresPerReview(), d.maxStaff()) : Hiring.OFF;
            }
            MapReader h = o.map("hiring");
            if (h == null) {
                return Hiring.OFF;
            }
            Hiring d = Hiring.OFF;
            boolean enabled = h.bool("enabled", true);
            int lead = h.integer("lead_time_months", d.leadTimeMonths(), 0, 24);
            double clear = h.number("backlog_clear_months", d.backlogClearMonths(), new Range(0, false, 60, true));
            double util = h.number("target_utilization", d.targetUtilization(), new Range(0, false, 1, true));
            int maxHires = h.integer("max_hires_per_review", d.maxHiresPerReview(), 1, 100_000);
            int maxStaff = h.integer("max_staff", d.maxStaff(), 0, 1_000_000);
            h.finish();
            return new Hiring(enabled, lead, clear, util, maxHires, maxStaff);
        }

        // ---- section 4 ----

        private Retention retention(MapReader r) {
            if (r == null) {
                return null;
            }
            String model = r.choice("model", "constant", List.of("constant", "sbg"));
            Dist expansion = r.dist("expansion_rate", new Fixed(0), new Range(-0.5, true, 0.5, true));
            Retention out;
            if ("sbg".equals(model)) {
                Dist a = r.requiredDist("alpha", new Range(0, false, 1e6, true));
                Dist b = r.requiredDist("beta", new Range(0, false, 1e6, true));
                out = new Scenario.ShiftedBetaGeometric(a, b, expansion);
            } else {
                out = new Scenario.ConstantChurn(r.requiredDist("monthly_churn", Range.PROBABILITY), expansion);
            }
            r.finish();
            return out;
        }

        private Revenue revenue(MapReader r) {
            if (r == null) {
                return null;
            }
            Dist acv = r.requiredDist("acv", new Range(0, false, 1e15, true));
            double sd = r.number("acv_sd", 0, Range.MONEY);
            r.finish();
            return new Revenue(acv, sd);
        }

        private Finance finance(MapReader f) {
            if (f == null) {
                return null;
            }
            Dist margin = f.requiredDist("gross_margin", Range.PROBABILITY);
            double fixed = f.number("fixed_costs_per_month", 0, Range.MONEY);
            f.finish();
            return new Finance(margin, fixed);
        }

        // ---- section 6 ----

        static Policy neutralPolicy(String name, Onboarding onboarding) {
            return new Policy(name, "", new Fixed(1), new Fixed(1), 0, 1, Policy.SCENARIO_LEAD_TIME,
                    SpendPacing.OFF, new Fixed(0), Set.copyOf(Policy.KEYS));
        }

        /** Reads an included file's structures; false when the file could not be read as a mapping at all. */
        private boolean include(MapReader r, String inc, Map<String, Policy> structures, Onboarding onboarding) {
            if (baseDir == null) {
                r.problemAt("include", "includes cannot be resolved for this input");
                return false;
            }
            Path p = baseDir.resolve(inc).normalize();
            String shown = shownPath(inc);
            byte[] bytes;
            try {
                bytes = readFile(p, shown);
            } catch (InputException e) {
                for (Problem pr : e.problems()) {
                    // say where it looked: an include is found beside the scenario file, not where the command runs
                    r.problemAt("include", "cannot include '" + inc + "': " + pr.message() + " (looked for " + p
                            + ", beside the scenario file)");
                }
                return false;
            }
            List<Problem> problems = ctx.problems;
            Node root = YamlDocument.parse(shown, bytes, problems);
            if (root == null) {
                return false;
            }
            MapReader.Ctx inner = new MapReader.Ctx(shown, problems, ctx.recorder);
            if (!(root instanceof MappingNode mn)) {
                inner.problem(root, "", "expected a mapping with the key structures, found " + MapReader.found(root));
                return false;
            }
            MapReader ir = new MapReader(inner, mn, "", "");
            ir.string("description", "");
            MapReader sm = ir.map("structures");
            if (sm == null) {
                ir.missing("structures", "a mapping of structure names to policies");
            } else {
                readStructures(sm, structures, onboarding);
            }
            ir.finish();
            return true;
        }

        /**
         * How problems in an included file name it: beside the scenario as the user named the scenario
         * ({@code s/inc/structures.yaml} for {@code s/inc/saas.yaml}), so the name leads to the file from where
         * the command was run.
         */
        private String shownPath(String inc) {
            try {
                Path parent = Path.of(ctx.file).getParent();
                return parent == null ? inc : parent.resolve(inc).normalize().toString();
            } catch (java.nio.file.InvalidPathException e) {
                return inc;
            }
        }

        /** Each structure's fields override those of an included structure of the same name, key by key. */
        private void readStructures(MapReader sm, Map<String, Policy> structures, Onboarding onboarding) {
            for (String name : sm.keys()) {
                MapReader p = sm.map(name, "<name>");
                if (!NAME.matcher(name).matches()) {
                    sm.problemAt(name, "expected a structure name of lower-case letters, digits and _, found '"
                            + name + "'");
                }
                if (p == null) {
                    continue;
                }
                Policy base = structures.getOrDefault(name, neutralPolicy(name, onboarding));
                structures.put(name, policy(p, name, base, onboarding));
            }
            sm.finish();
        }

        private Policy policy(MapReader p, String name, Policy base, Onboarding onboarding) {
            String description = p.string("description", base.description());
            Dist handoff = p.dist("handoff_quality", base.handoffQuality(), Range.PROBABILITY);
            Dist mult = p.dist("win_rate_multiplier", base.winRateMultiplier(), new Range(0, false, 10, true));
            int visibility = p.integer("forecast_visibility_months", base.forecastVisibilityMonths(), 0, 24);
            int cadence = p.integer("review_cadence_months", base.reviewCadenceMonths(), 1, 24);
            int lead = p.integer("hire_lead_time_months", base.hireLeadTimeMonths(), 0, 24);
            SpendPacing pacing = pacing(p, base.spendPacing(), onboarding);
            Dist overhead = p.dist("overhead_per_month", base.overheadPerMonth(), Range.MONEY);
            Set<String> atDefault = new HashSet<>(base.keysAtDefault());
            atDefault.removeIf(p::has);
            p.finish();
            return new Policy(name, description, handoff, mult, visibility, cadence, lead, pacing, overhead, atDefault);
        }

        private SpendPacing pacing(MapReader p, SpendPacing base, Onboarding onboarding) {
            Node n = p.get("spend_pacing");
            if (n == null) {
                return base;
            }
            if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode sn) {
                if (!sn.getTag().equals(org.yaml.snakeyaml.nodes.Tag.BOOL)) {
                    p.problemAt("spend_pacing", "expected true, false or a mapping (unworked_threshold, "
                            + "backlog_threshold, hold_factor), found " + MapReader.found(n));
                    return base;
                }
                boolean on = p.bool("spend_pacing", base.enabled());
                return on ? defaultPacing(onboarding) : SpendPacing.OFF;
            }
            MapReader m = p.map("spend_pacing");
            if (m == null) {
                return base;
            }
            // in the mapping form each condition applies only when its threshold is given (or inherited
            // from an included structure that gave it)
            SpendPacing d = base.enabled() ? base : new SpendPacing(true, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, 0.5);
            boolean enabled = m.bool("enabled", true);
            double unworked = m.number("unworked_threshold", d.unworkedThreshold(), Range.NON_NEGATIVE);
            double backlog = m.number("backlog_threshold", d.backlogThreshold(), Range.NON_NEGATIVE);
            double hold = m.number("hold_factor", d.holdFactor(), Range.PROBABILITY);
            if (enabled && Double.isInfinite(unworked) && Double.isInfinite(backlog)) {
                m.missing("unworked_threshold", "unworked_threshold (leads) or backlog_threshold (customers): "
                        + "spend pacing needs at least one condition");
            }
            m.finish();
            return enabled ? new SpendPacing(true, unworked, backlog, hold) : SpendPacing.OFF;
        }

        private static SpendPacing defaultPacing(Onboarding onboarding) {
            double backlog = onboarding == null ? Double.POSITIVE_INFINITY : onboarding.backlogThreshold();
            return new SpendPacing(true, Double.POSITIVE_INFINITY, backlog, 0.5);
        }
    }
}
