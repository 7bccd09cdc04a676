package dev.interlock.charts;

import dev.interlock.engine.Version;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Quantiles;
import dev.interlock.engine.stats.Stats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * The report of one run: which charts it holds, grouped under which headings, with which tables and words,
 * and the files it writes ({@value #HTML} and, under {@value #CHARTS}/, every chart as PNG and SVG). Works from
 * the run's results (and the scenario, for its assumptions and plan); never from trials.
 */
public final class RunReport {
    public static final String HTML = "report.html";
    public static final String CHARTS = "charts";

    private RunReport() {
    }

    /** Charts under one heading of the report. */
    public record FigureGroup(String id, String heading, String intro, List<Figure> figures) {
        public FigureGroup {
            figures = List.copyOf(figures);
        }
    }

    /** What {@link #write} wrote: the report and the chart files, relative to the output directory. */
    public record Written(String html, List<String> chartFiles) {
        public Written {
            chartFiles = List.copyOf(chartFiles);
        }
    }

    /** The report's charts, grouped as they appear: capacity, growth, profit. */
    public static List<FigureGroup> figures(Scenario sc, Stats s, ChartContext ctx, InterlockTheme theme) {
        List<FigureGroup> groups = new ArrayList<>();
        for (Plan g : plan(sc, s, ctx, theme)) {
            groups.add(new FigureGroup(g.id(), g.heading(), g.intro(),
                    g.figures().stream().map(Planned::build).toList()));
        }
        return groups;
    }

    /** A figure not yet built: its name, its caption and the recipe of its chart. */
    private record Planned(String name, String caption, Supplier<JFreeChart> chart) {
        Figure build() {
            return new Figure(name, caption, chart.get());
        }
    }

    /** A value computed on first use, by whichever thread asks first; the others wait for it. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> compute;
        private T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public synchronized T get() {
            if (compute != null) {
                value = compute.get();
                compute = null;
            }
            return value;
        }
    }

    /** A heading's figures, not yet built, so that {@link #write} can build each on the thread that draws it. */
    private record Plan(String id, String heading, String intro, List<Planned> figures) {
    }

    private static List<Plan> plan(Scenario sc, Stats s, ChartContext ctx, InterlockTheme theme) {
        List<Plan> groups = new ArrayList<>();
        groups.add(new Plan("capacity", "Capacity: can onboarding and sales keep up?",
                "Where the work arriving outruns the people who do it. In the capacity charts, lines are means over "
                        + ctx.futures() + ", bands hold the middle 80% of them (P10–P90), and the dotted line on the "
                        + "right axis is the share of futures that are short in that month.",
                List.of(new Planned("capacity-onboarding", "Solid blue: customers waiting to be onboarded (last "
                                + "month's backlog plus this month's closes); dashed orange: what the onboarding team "
                                + "can take on. Shaded red in the months short in at least half of futures, between "
                                + "mean demand and mean capacity.",
                                () -> CapacityChart.onboarding(s, ctx, theme)),
                        new Planned("fan-onboarding-backlog", "Customers still waiting at month end. Half of the "
                                + "futures lie in the dark band, 9 in 10 in the light one; the dashed line is the "
                                + "backlog threshold set in the scenario.",
                                () -> FanChart.of(s, Metric.BACKLOG, ctx, theme)),
                        new Planned("capacity-sales", "Solid blue: qualified leads sales has to work (new ones plus "
                                + "the queue carried over); dotted blue: the new ones alone; dashed orange: what the "
                                + "ramped reps can work. Shaded red in the months short in at least half of futures.",
                                () -> CapacityChart.sales(s, ctx, theme)),
                        new Planned("fan-go-lives", "Customers onboarded and live each month: what operations "
                                + "delivers, and when revenue starts.",
                                () -> FanChart.of(s, Metric.GO_LIVES, ctx, theme)))));

        List<Planned> growth = new ArrayList<>();
        if (sc.policy().spendPacing().enabled()) {
            double[] plan = new double[sc.horizonMonths()];
            for (int t = 0; t < plan.length; t++) {
                plan[t] = sc.plannedSpend(t);
            }
            growth.add(new Planned("fan-spend", "Marketing spend after pacing against the plan (dashed): the "
                    + "structure holds spend back while sales' queue or the onboarding backlog is over its threshold.",
                    () -> FanChart.of(s, Metric.SPEND, ctx, theme, new FanChart.Overlay("plan", plan))));
        }
        growth.add(new Planned("fan-leads", "New leads per month from all channels.",
                () -> FanChart.of(s, Metric.LEADS, ctx, theme)));
        growth.add(new Planned("fan-closes", "Deals closing each month: new customers handed to onboarding.",
                () -> FanChart.of(s, Metric.CLOSES, ctx, theme)));
        growth.add(new Planned("fan-active-customers", "Live customers at month end, after churn.",
                () -> FanChart.of(s, Metric.ACTIVE_CUSTOMERS, ctx, theme)));
        growth.add(new Planned("fan-revenue", "Revenue recognised each month.",
                () -> FanChart.of(s, Metric.REVENUE, ctx, theme)));
        groups.add(new Plan("growth", "Growth: leads, customers, revenue",
                "The median future as a line; half of the futures lie in the dark band, 9 in 10 in the light one.",
                growth));

        Once<double[]> profit = new Once<>(() -> DistributionChart.grid(s, Summary.CUMULATIVE_PROFIT));
        groups.add(new Plan("profit", "Profit: how likely, how much", "Profit month by month and summed, "
                + "and the distribution of the sum at the horizon over " + ctx.futures() + ".",
                List.of(new Planned("fan-profit", "Profit each month: gross profit minus every cost.",
                                () -> FanChart.of(s, Metric.PROFIT, ctx, theme)),
                        new Planned("fan-cumulative-profit", "Profit summed from month 1; where the bands cross "
                                + "zero, some futures have not yet earned back what they spent.",
                                () -> FanChart.of(s, Metric.CUMULATIVE_PROFIT, ctx, theme)),
                        new Planned("profit-histogram", "How many futures end with each level of cumulative profit; "
                                + "red bars are futures that lose money over the horizon.",
                                () -> DistributionChart.histogram(s, Summary.CUMULATIVE_PROFIT, profit.get(), ctx,
                                        theme)),
                        new Planned("profit-s-curve", "Read across from a share of futures to the profit: 10% of "
                                + "futures end at or below P10, half at or below P50, 90% at or below P90.",
                                () -> DistributionChart.sCurve(s, Summary.CUMULATIVE_PROFIT, profit.get(), ctx,
                                        theme)))));
        return groups;
    }

    /** The HTML report of a run from its rendered figures (in the groups of {@link #figures}). */
    public static HtmlReport report(Scenario sc, RunResult r, List<FigureGroup> groups,
                                    List<ChartWriter.Rendered> rendered) {
        List<Section> figureSections = new ArrayList<>();
        for (FigureGroup g : groups) {
            List<ChartWriter.Rendered> mine = new ArrayList<>();
            for (Figure f : g.figures()) {
                rendered.stream().filter(x -> x.figure() == f).findFirst().ifPresent(mine::add);
            }
            figureSections.add(new FigureSection(g.id(), g.heading(), g.intro(), mine));
        }
        return report(sc, r, textBefore(sc, r), figureSections, textAfter(sc, r));
    }

    private static HtmlReport report(Scenario sc, RunResult r, List<Section> before, List<Section> figures,
                                     List<Section> after) {
        List<Section> sections = new ArrayList<>(before);
        sections.addAll(figures);
        sections.addAll(after);
        String footer = "Interlock " + Version.describe() + " · seed " + sc.seed() + " · "
                + ChartContext.grouped(r.trials()) + " trials · structure " + r.first().structure()
                + " · computed from the run's statistics; rerun with the same seed for the same numbers.";
        return new HtmlReport(sc.name(), headerFacts(sc, r), sections, footer);
    }

    /** The sections above the charts: the findings and the key figures. */
    private static List<Section> textBefore(Scenario sc, RunResult r) {
        Stats s = r.first();
        ChartContext ctx = ChartContext.of(sc, r.trials());
        return List.of(new FindingsSection("summary", "In plain words", Findings.of(s, ctx)),
                new TableSection("key-figures", "Key figures over the " + sc.horizonMonths() + " months",
                        "P10: 1 in 10 futures end lower; P50: the middle future; P90: 1 in 10 end higher.",
                        ReportTables.keyFigures(s, ctx, ReportTables.KEY_FIGURES),
                        "Every per-future figure, with P5–P95, min and max, is in summary.json and trials.csv."));
    }

    /** The sections below the charts: capacity risk by month, the uncertain inputs, the run's facts. */
    private static List<Section> textAfter(Scenario sc, RunResult r) {
        Stats s = r.first();
        ChartContext ctx = ChartContext.of(sc, r.trials());
        CompiledModel m = CompiledModel.of(sc, s.structure());
        return List.of(new TableSection("by-month", "Capacity risk month by month",
                        "Shaded: months in which at least half of the futures are short, or over the backlog threshold.",
                        ReportTables.capacityByMonth(s, ctx),
                        "Means and percentiles of every metric, every month, are in monthly.csv."),
                new TableSection("assumptions", "Assumptions: the uncertain inputs",
                        "Each input written as a distribution in the scenario (policy.*: in the structure it runs, "
                                + "which may come from an included file) is drawn once per future and held for the "
                                + "whole horizon; values are in the unit of the scenario key (see the scenario file). "
                                + "Everything else is fixed as written; scenario.resolved.yaml lists every value.",
                        ReportTables.uncertainInputs(m.inputs()), null),
                new TableSection("run", "The run", null, ReportTables.facts(facts(sc, r)), null));
    }

    /** A section whose body is already written out (on a worker thread, while charts are drawn). */
    private record Prewritten(String id, String heading, String bodyHtml) implements Section {
        static List<Section> of(List<Section> sections) {
            List<Section> out = new ArrayList<>();
            for (Section x : sections) {
                out.add(new Prewritten(x.id(), x.heading(), x.bodyHtml()));
            }
            return out;
        }
    }

    /** A chart drawn and written: its files, and its {@code <figure>} element for the report. */
    private record Drawn(ChartWriter.Rendered rendered, String html) {
    }

    /**
     * Renders every chart and writes {@value #HTML} and {@value #CHARTS}/NAME.png|svg into the run's staging
     * directory (see {@link OutputDir}), so they are committed with the run's other files.
     *
     * <p>The work is spread over one thread per core at most: one task writes out the report's text (findings and
     * tables), and one task per chart builds the chart, draws it to PNG and SVG, writes both files and writes its
     * {@code <figure>} element (the PNG as base64). Charts are built on the thread that draws them, so building
     * overlaps drawing and a chart object is only ever used by one thread; the run's statistics are only read.
     * Each task depends only on the results, so the bytes do not depend on the thread count or the order.
     */
    public static Written write(OutputDir out, Scenario sc, RunResult r, InterlockTheme theme) throws IOException {
        ChartContext ctx = ChartContext.of(sc, r.trials());
        List<Plan> plan = plan(sc, r.first(), ctx, theme);
        Path dir = out.file(CHARTS);
        Files.createDirectories(dir);
        int charts = plan.stream().mapToInt(g -> g.figures().size()).sum();
        ExecutorService pool = pool(charts + 1);
        try {
            Future<List<List<Section>>> text = pool.submit(() -> List.of(Prewritten.of(textBefore(sc, r)),
                    Prewritten.of(textAfter(sc, r))));
            List<List<Future<Drawn>>> drawn = new ArrayList<>();
            for (Plan g : plan) {
                List<Future<Drawn>> jobs = new ArrayList<>();
                for (Planned p : g.figures()) {
                    jobs.add(pool.submit(() -> {
                        ChartWriter.Rendered x = ChartWriter.render(p.build(), theme);
                        ChartWriter.write(x, dir);
                        return new Drawn(x, FigureSection.figureHtml(x));
                    }));
                }
                drawn.add(jobs);
            }
            List<Section> figureSections = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Plan g = plan.get(i);
                List<String> html = new ArrayList<>();
                for (Future<Drawn> j : drawn.get(i)) {
                    Drawn d = get(j);
                    html.add(d.html());
                    files.add(CHARTS + "/" + d.rendered().figure().name() + ".png");
                    files.add(CHARTS + "/" + d.rendered().figure().name() + ".svg");
                }
                figureSections.add(new Prewritten(g.id(), g.heading(), FigureSection.bodyHtml(g.intro(), html)));
            }
            List<List<Section>> t = get(text);
            Files.writeString(out.file(HTML), report(sc, r, t.get(0), figureSections, t.get(1)).html(),
                    StandardCharsets.UTF_8);
            return new Written(HTML, files);
        } finally {
            stop(pool);
        }
    }

    /** Renders figures on up to one thread per core; results in the order given. */
    static List<ChartWriter.Rendered> renderAll(List<Figure> figures, InterlockTheme theme) throws IOException {
        ExecutorService pool = pool(figures.size());
        try {
            List<Future<ChartWriter.Rendered>> jobs = new ArrayList<>();
            for (Figure f : figures) {
                jobs.add(pool.submit(() -> ChartWriter.render(f, theme)));
            }
            List<ChartWriter.Rendered> out = new ArrayList<>();
            for (Future<ChartWriter.Rendered> j : jobs) {
                out.add(get(j));
            }
            return out;
        } finally {
            stop(pool);
        }
    }

    /** Daemon threads for {@code tasks} tasks: one per core at most. */
    private static ExecutorService pool(int tasks) {
        int threads = Math.max(1, Math.min(tasks, Runtime.getRuntime().availableProcessors()));
        return Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "interlock-chart");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Cancels what has not started and waits for what has: after a failure, no task is still writing into the
     * staging directory when the caller discards it.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The task's result; its exception as thrown, if it failed. */
    private static <T> T get(Future<T> job) throws IOException {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while rendering charts");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<String> headerFacts(Scenario sc, RunResult r) {
        ChartContext ctx = ChartContext.of(sc, r.trials());
        return List.of("structure " + r.first().structure(),
                ctx.futures() + " × " + sc.horizonMonths() + " months"
                        + (ctx.hasCalendar() ? " from " + ctx.monthLabel(1) : ""),
                "seed " + sc.seed(), "Interlock " + Version.describe());
    }

    private static List<String[]> facts(Scenario sc, RunResult r) {
        Stats s = r.first();
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"scenario", sc.name()});
        if (sc.description() != null && !sc.description().isBlank()) {
            f.add(new String[] {"description", sc.description()});
        }
        String structureNote = sc.structures().get(s.structure()).description();
        f.add(new String[] {"reporting structure", s.structure()
                + (structureNote == null || structureNote.isBlank() ? "" : " — " + structureNote)});
        f.add(new String[] {"trials (possible futures)", ChartContext.grouped(r.trials())});
        f.add(new String[] {"horizon", sc.horizonMonths() + " months"
                + (sc.startMonth() != null ? ", from " + sc.startMonth() : "")});
        f.add(new String[] {"currency", sc.currency()});
        f.add(new String[] {"onboarding backlog threshold", Words.compact(s.exceedThreshold(Metric.BACKLOG))
                + " customers"});
        f.add(new String[] {"seed", Long.toString(sc.seed())});
        f.add(new String[] {"Interlock version", Version.describe()});
        f.add(new String[] {"percentile accuracy", String.format(Locale.ROOT,
                "within %.1f%% of the value (DDSketch quantiles)", 100 * Quantiles.RELATIVE_ACCURACY)});
        return f;
    }
}
