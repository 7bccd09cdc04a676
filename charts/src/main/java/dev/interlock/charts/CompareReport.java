package dev.interlock.charts;

import dev.interlock.engine.Version;
import dev.interlock.engine.analyses.Comparison;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.Words;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.stats.Stats;
import dev.interlock.charts.TableSection.Cell;
import dev.interlock.charts.TableSection.Column;
import dev.interlock.charts.TableSection.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report of {@code interlock compare}: which reporting structure to run, with the uncertainty
 * stated — the ranking in plain words, the structures side by side, the paired differences against the
 * baseline (and how much narrower pairing makes them), and each structure's policy values.
 */
public final class CompareReport {
    private CompareReport() {
    }

    /** The baseline differences are measured against: {@code siloed} when compared, else the first. */
    public static String baseline(Comparison c) {
        return c.structures().contains("siloed") ? "siloed" : c.structures().get(0);
    }

    public static List<Figure> figures(Comparison c, ChartContext ctx, InterlockTheme theme) {
        List<String> order = c.ranking();
        String base = baseline(c);
        return List.of(
                new Figure("compare-cumulative-profit", "Cumulative profit at the horizon: the bar holds 8 in 10 "
                        + "futures, the dark part half of them; every structure faces the same futures.",
                        ComparisonChart.intervals(c, order, Summary.CUMULATIVE_PROFIT, ctx, theme)),
                new Figure("compare-peak-backlog", "The largest onboarding backlog of each future: how bad the "
                        + "crunch gets under each structure.",
                        ComparisonChart.intervals(c, order, Summary.PEAK_BACKLOG, ctx, theme)),
                new Figure("compare-ending-arr", "Annual recurring revenue in the last month.",
                        ComparisonChart.intervals(c, order, Summary.ENDING_ARR, ctx, theme)),
                new Figure("compare-profit-difference", "Cumulative profit of each structure minus " + base
                        + ", future by future. The wide pale bar: where the difference lands in 8 of 10 futures. "
                        + "The dark interval: how precisely the run knows the mean difference (95%, simulation noise "
                        + "only); the grey one below: what two separate runs would have known.",
                        ComparisonChart.pairedDifferences(c, order, base, Summary.CUMULATIVE_PROFIT, ctx, theme)),
                new Figure("compare-backlog-difference", "Peak onboarding backlog of each structure minus " + base
                        + "; left of zero is a smaller crunch.",
                        ComparisonChart.pairedDifferences(c, order, base, Summary.PEAK_BACKLOG, ctx, theme)));
    }

    static List<String> findings(Comparison c) {
        List<String> out = new ArrayList<>();
        List<String> order = c.ranking();
        String base = baseline(c);
        Comparison.Figure profit = Comparison.FIGURES.get(0);
        out.add("Ranked by mean cumulative profit: " + String.join(" > ", order) + ".");
        for (String s : order) {
            if (!s.equals(base)) {
                out.add(c.sentence(s, base, profit).replace("`", "") + ".");
            }
        }
        if (order.size() > 2 && !order.get(0).equals(base) && !order.get(1).equals(base)) {
            out.add(c.sentence(order.get(0), order.get(1), profit).replace("`", "") + ".");
        }
        String narrower = c.narrowingWords(Summary.CUMULATIVE_PROFIT);
        if (narrower != null) {
            out.add(String.format(Locale.ROOT, "Every structure faced the same %,d futures, so these intervals are "
                    + "%s narrower than comparing separate runs.", c.run().trials(), narrower));
        }
        out.add(Comparison.ASSUMPTIONS);
        if (c.run().trials() < 2) {
            out.add("With 1 trial there is no interval and no spread: compare with 1,000 trials or more for figures "
                    + "worth reading.");
        }
        Stats best = c.stats(order.get(0));
        Stats b = c.stats(base);
        if (!order.get(0).equals(base)) {
            out.add(String.format(Locale.ROOT, "Onboarding crunch (backlog over its threshold in some month): %s of "
                    + "futures under %s, %s under %s.", Words.percent(best.mean(Summary.BACKLOG_OVER_ANY)),
                    order.get(0), Words.percent(b.mean(Summary.BACKLOG_OVER_ANY)), base));
        }
        return out;
    }

    static Table ranking(Comparison c, ChartContext ctx) {
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 1;
        for (String s : c.ranking()) {
            Stats st = c.stats(s);
            // a structure that beats the one above it in many futures is a near-tie, said beside its rank
            String close = rank > 1 ? c.closeTo(rank - 1) : null;
            String rankText = Integer.toString(rank) + (close != null ? " (" + close + ")" : "");
            rank++;
            // the best in bold, not in the risk colour the run report shades months at risk with
            rows.add(List.of(Cell.of(rankText), rank == 2 ? Cell.bold(s) : Cell.of(s),
                    Cell.of(Words.compact(st.mean(Summary.CUMULATIVE_PROFIT))),
                    Cell.of(Words.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.1))),
                    Cell.of(Words.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.5))),
                    Cell.of(Words.compact(st.quantile(Summary.CUMULATIVE_PROFIT, 0.9))),
                    Cell.of(Words.percent(st.exceedProbability(Summary.CUMULATIVE_PROFIT))),
                    Cell.of(Words.compact(st.quantile(Summary.ENDING_ARR, 0.5))),
                    Cell.of(Words.compact(st.quantile(Summary.PEAK_BACKLOG, 0.5))),
                    Cell.of(Words.compact(st.quantile(Summary.PEAK_BACKLOG, 0.9))),
                    Cell.of(String.format(java.util.Locale.ROOT, "%.1f", st.mean(Summary.MONTHS_SHORT))),
                    Cell.of(Words.percent(st.mean(Summary.BACKLOG_OVER_ANY))),
                    Cell.of(Words.compact(st.quantile(Summary.LTV_TO_CAC, 0.5)))));
        }
        return new Table(List.of("rank", "structure", "profit mean (ranks)", "profit P10", "profit P50", "profit P90",
                "P(profit > 0)", "ARR P50", "peak backlog P50", "peak backlog P90", "months short (mean)", "P(crunch)",
                "LTV/CAC P50"),
                List.of(Column.TEXT, Column.LABEL, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER,
                        Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER,
                        Column.NUMBER), rows);
    }

    static Table pairs(Comparison c) {
        String base = baseline(c);
        List<List<Cell>> rows = new ArrayList<>();
        for (String s : c.ranking()) {
            if (s.equals(base)) {
                continue;
            }
            for (Comparison.Figure f : Comparison.FIGURES) {
                Comparison.Pair p = c.pair(s, base, f.summary());
                boolean spread = !Double.isNaN(p.diffP10()) && p.n() > 1;
                rows.add(List.of(Cell.of(s), Cell.of(f.label()), Cell.of(Words.compact(p.meanDiff())),
                        Cell.of(spread ? Words.compact(p.diffP10()) + " to " + Words.compact(p.diffP90()) : ""),
                        Cell.of(Double.isNaN(p.ciLow()) ? "n/a"
                                : "[" + Words.compact(p.ciLow()) + ", " + Words.compact(p.ciHigh()) + "]"),
                        Cell.of(Words.percent(p.pABetter())), Cell.of(Words.percent(p.pTie()))));
            }
        }
        return new Table(List.of("structure", "figure", "mean difference vs " + base,
                "in 8 of 10 futures (P10 to P90)", "95% interval of the mean", "P(better, trial by trial)", "P(tie)"),
                List.of(Column.LABEL, Column.TEXT, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER,
                        Column.NUMBER), rows);
    }

    static Table policies(Scenario sc, List<String> names) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String n : names) {
            Scenario.Policy p = sc.structures().get(n);
            Scenario.SpendPacing sp = p.spendPacing();
            String pacing = !sp.enabled() ? "off" : ((Double.isFinite(sp.unworkedThreshold())
                    ? "unworked > " + Words.compact(sp.unworkedThreshold()) : "")
                    + (Double.isFinite(sp.unworkedThreshold()) && Double.isFinite(sp.backlogThreshold()) ? " or " : "")
                    + (Double.isFinite(sp.backlogThreshold()) ? "backlog > " + Words.compact(sp.backlogThreshold()) : "")
                    + " → " + Words.percent(sp.holdFactor()));
            rows.add(List.of(Cell.of(n), Cell.of(Words.compact(p.handoffQuality().mean())),
                    Cell.of(String.format(java.util.Locale.ROOT, "%.2f", p.winRateMultiplier().mean())),
                    Cell.of(Integer.toString(p.forecastVisibilityMonths())),
                    Cell.of(Integer.toString(p.reviewCadenceMonths())),
                    Cell.of(sc.onboarding().hiring().enabled()
                            ? Integer.toString(p.leadTimeMonths(sc.onboarding().hiring())) : "no hiring"),
                    Cell.of(pacing),
                    Cell.of(Words.compact(p.overheadPerMonth().mean())),
                    // what the structure costs over the whole horizon (mean), the figure a board weighs
                    Cell.of(Words.compact(p.overheadPerMonth().mean() * sc.horizonMonths())),
                    Cell.of(p.description())));
        }
        return new Table(List.of("structure", "handoff (mean)", "win ×", "visibility (months)", "review every",
                "hire lead time (months)", "spend pacing", "overhead / month",
                "overhead over " + sc.horizonMonths() + " months", "what it is"),
                List.of(Column.LABEL, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER, Column.NUMBER,
                        Column.LABEL, Column.NUMBER, Column.NUMBER, Column.TEXT), rows);
    }

    public static HtmlReport report(Comparison c, List<Figure> figures, List<ChartWriter.Rendered> rendered) {
        Scenario sc = c.scenario();
        ChartContext ctx = ChartContext.of(sc, c.run().trials());
        List<Section> sections = new ArrayList<>();
        sections.add(new FindingsSection("summary", "In plain words", findings(c)));
        sections.add(new TableSection("ranking", "Structures ranked", "P10: 1 in 10 futures end lower; P50: the "
                + "middle future; P90: 1 in 10 end higher. P(profit > 0): share of futures whose cumulative profit at the "
                + "horizon is above 0. Months short: mean months with an onboarding gap. P(crunch): share of futures in "
                + "which the onboarding backlog exceeds its threshold in some month.", ranking(c, ctx), "comparison.csv holds every figure."));
        List<ChartWriter.Rendered> mine = new ArrayList<>();
        for (Figure f : figures) {
            rendered.stream().filter(x -> x.figure() == f).findFirst().ifPresent(mine::add);
        }
        sections.add(new FigureSection("charts", "Side by side", "Every structure ran on the same futures: the same "
                + "market, the same lead noise and the same churn draws. Differences come from the policies alone.",
                mine));
        sections.add(new TableSection("pairs", "Paired differences against " + baseline(c),
                "Measured future by future. The P10 to P90 range is how far apart the two structures end in 8 of 10 "
                + "futures; the 95% interval is that of the mean difference. " + Comparison.ASSUMPTIONS, pairs(c),
                "pairs.csv holds every pair of structures."));
        sections.add(new TableSection("policies", "The structures' policies",
                "What each structure changes (scenario keys structures.<name>.*; docs/structures.md explains them).",
                policies(sc, c.structures()), null));
        String footer = "Interlock " + Version.describe() + " · seed " + sc.seed() + " · "
                + String.format(Locale.ROOT, "%,d", c.run().trials()) + " trials per structure · "
                + "computed from the run's statistics; rerun with the same seed for the same numbers.";
        List<String> facts = List.of(c.structures().size() + " structures",
                String.format(Locale.ROOT, "%,d futures × %d months", c.run().trials(), sc.horizonMonths()),
                "seed " + sc.seed(), "Interlock " + Version.describe());
        return new HtmlReport(sc.name() + ": reporting structures compared", facts, sections, footer);
    }

    /** Renders the charts and writes report.html and charts/ into the comparison's staging directory. */
    public static RunReport.Written write(OutputDir out, Comparison c, InterlockTheme theme) throws IOException {
        ChartContext ctx = ChartContext.of(c.scenario(), c.run().trials());
        List<Figure> figures = figures(c, ctx, theme);
        List<ChartWriter.Rendered> rendered = RunReport.renderAll(figures, theme);
        List<String> files = new ArrayList<>();
        for (ChartWriter.Rendered x : rendered) {
            ChartWriter.write(x, out.file(RunReport.CHARTS));
            files.add(RunReport.CHARTS + "/" + x.figure().name() + ".png");
            files.add(RunReport.CHARTS + "/" + x.figure().name() + ".svg");
        }
        Files.writeString(out.file(RunReport.HTML), report(c, figures, rendered).html(), StandardCharsets.UTF_8);
        return new RunReport.Written(RunReport.HTML, files);
    }
}
