package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Scenario.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario built from actuals alone, for {@code calibrate} without {@code --scenario}: the estimated
 * values where the data give them, and a marked placeholder for every required key they cannot give.
 *
 * <p>It starts in the actuals' first month and runs {@value #EXTRA_MONTHS} months past the last, so a run
 * replays the history before it forecasts (the engine starts every run with no customers). Each
 * channel's spend plan is the actual spend, then the mean of the last three months. A channel with
 * leads but no spend gets its spend written in lead units (cost per lead 1), so the plan reproduces the
 * actual leads — marked as a placeholder, since it is not a real cost. Capacities the actuals say
 * nothing about are set so large they never bind.
 */
final class Skeleton {
    static final int EXTRA_MONTHS = 12;

    /**
     * @param placeholders key path → what to put there
     * @param notes        key path → a comment that is not a placeholder
     */
    record Result(Scenario scenario, Map<String, String> placeholders, Map<String, String> notes) {
    }

    private Skeleton() {
    }

    static Result build(Actuals a, Calibration c) {
        Map<String, String> ph = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        int n = a.months();
        int horizon = n + EXTRA_MONTHS;
        List<String> names = Calibrate.channelNames(a);
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            String p = "marketing.channels[" + name + "]";
            double[] spend = Calibrate.series(a, "spend", name, names.size());
            double[] leads = Calibrate.series(a, "leads", name, names.size());
            Scenario.Spend plan;
            Scenario.Response response = c.responses().get(name);
            if (spend != null) {
                plan = new Scenario.Spend(0, 0, null, extend(spend, horizon));
                String filled = filled(a, spend);
                notes.put(p + ".spend.plan", "months 1–" + n + ": the actual spend" + (filled == null ? "" : " ("
                        + filled + ")") + "; months " + (n + 1) + "–" + horizon + ": the mean of the last 3 — "
                        + "replace with your plan");
                if (response == null) {
                    response = new Scenario.Linear(new Fixed(100));
                    ph.put(p + ".response.cost_per_lead", "not estimable from these actuals (see calibrate's output)");
                }
            } else if (leads != null) {
                plan = new Scenario.Spend(0, 0, null, extend(leads, horizon));
                response = new Scenario.Linear(new Fixed(1));
                String filled = filled(a, leads);
                ph.put(p + ".spend.plan", "no spend in the actuals: written in lead units (the actual leads"
                        + (filled == null ? "" : " (" + filled + ")") + ", then the mean of the last 3 months) — put "
                        + "your spend here");
                ph.put(p + ".response.cost_per_lead", "1 so the plan above reproduces the actual leads — put your "
                        + "cost per lead here");
            } else {
                double[] ones = new double[12];
                Arrays.fill(ones, 1);
                plan = new Scenario.Spend(10_000, 0, ones, null);
                ph.put(p + ".spend", "no spend or leads in the actuals");
                response = new Scenario.Linear(new Fixed(100));
                ph.put(p + ".response.cost_per_lead", "no spend or leads in the actuals");
            }
            channels.add(new Channel(name, plan, 0, response, c.dispersions().getOrDefault(name, 0.0)));
        }

        Dist qual = c.qualification();
        if (qual == null) {
            qual = new Fixed(0.3);
            ph.put("funnel.qualification_rate", "needs monthly leads and qualified");
        }
        Dist win = c.win();
        if (win == null) {
            win = new Fixed(0.2);
            ph.put("funnel.win_rate", "needs monthly wins, or a deals table with monthly leads");
        }
        double[] cycle = c.salesCycle();
        if (cycle == null) {
            cycle = new double[] {1};
            notes.put("funnel.sales_cycle_months", "not estimated (needs a deals table): every win closes in its "
                    + "month");
        }
        ph.put("funnel.unworked_decay", "not in the actuals: 0.3 of the leads sales could not work go cold each "
                + "month — set your own (it matters only when sales capacity binds)");
        Scenario.Funnel funnel = new Scenario.Funnel(qual, win, new Fixed(0.3), cycle);

        double volume = 0;
        for (String metric : List.of("leads", "qualified", "closes", "go_lives")) {
            double[] v = a.total(metric);
            if (v != null) {
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        volume = Math.max(volume, x);
                    }
                }
            }
        }
        double capacity = Math.max(1000, Math.ceil(10 * volume));
        Scenario.Sales sales = new Scenario.Sales(1, new Fixed(capacity), 0, 0, List.of());
        ph.put("sales.leads_per_rep_month", "sales capacity is not in the actuals: set so large it never binds — "
                + "put your reps and their capacity here");
        Scenario.Onboarding onboarding = new Scenario.Onboarding(1, new Fixed(capacity), 0, 0, new Fixed(0),
                capacity, false, List.of(), Scenario.Hiring.OFF);
        ph.put("onboarding.customers_per_staff_month", "onboarding capacity is not in the actuals: set so large it "
                + "never binds — put your staff and their capacity here");

        Scenario.Retention retention = c.retention();
        if (retention == null) {
            retention = new Scenario.ConstantChurn(new Fixed(0.02), new Fixed(0));
            ph.put("retention.monthly_churn", "needs a cohort table, or monthly churned and active_customers");
        }
        Dist acv = c.acv();
        if (acv == null) {
            acv = new Fixed(12_000);
            ph.put("revenue.acv", "needs monthly mrr (or revenue) and active_customers");
        }
        Scenario.Finance finance = new Scenario.Finance(new Fixed(0.75), 0);
        ph.put("finance.gross_margin", "not in the actuals");
        notes.put("currency", "a label only");

        Scenario.Policy neutral = new Scenario.Policy("default", "", new Fixed(1), new Fixed(1), 0, 1,
                Scenario.Policy.SCENARIO_LEAD_TIME, Scenario.SpendPacing.OFF, new Fixed(0));
        Map<String, Scenario.Policy> structures = new LinkedHashMap<>();
        structures.put("default", neutral);
        String file = java.nio.file.Path.of(a.file()).getFileName().toString();
        Scenario sc = new Scenario("Calibrated from " + file, "Built by interlock calibrate from " + file
                + "; months 1–" + n + " replay the actuals' inputs, then " + EXTRA_MONTHS + " months follow.", 1,
                10_000, horizon, a.first().toString(), "USD", channels, funnel, sales, onboarding, retention,
                new Scenario.Revenue(acv, 0), finance, "default", structures, List.of("default"));
        return new Result(sc, ph, notes);
    }

    /**
     * What {@link #extend} does to the blank months of {@code v}, in words ("blank in 2023-03: filled with the
     * mean, 11552.68"), or null when none is blank.
     */
    static String filled(Actuals a, double[] v) {
        List<java.time.YearMonth> blank = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (int t = 0; t < v.length; t++) {
            if (Double.isNaN(v[t])) {
                blank.add(a.month(t));
            } else {
                sum += v[t];
                count++;
            }
        }
        if (blank.isEmpty()) {
            return null;
        }
        return "blank in " + Calibrate.months(blank) + ": filled with the mean of the other months, "
                + java.math.BigDecimal.valueOf(Calibrate.round(count == 0 ? 0 : sum / count, 2)).stripTrailingZeros()
                .toPlainString();
    }

    /** The series (blanks filled with the mean of its values) followed by the mean of its last 3 values. */
    static double[] extend(double[] v, int horizon) {
        double sum = 0;
        int count = 0;
        List<Double> observed = new ArrayList<>();
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                count++;
                observed.add(x);
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double tail = 0;
        int k = Math.min(3, observed.size());
        for (int i = observed.size() - k; i < observed.size(); i++) {
            tail += observed.get(i);
        }
        tail = k == 0 ? 0 : Calibrate.round(tail / k, 2);
        double[] out = new double[horizon];
        for (int t = 0; t < horizon; t++) {
            out[t] = t < v.length ? (Double.isNaN(v[t]) ? Calibrate.round(mean, 2) : v[t]) : tail;
        }
        return out;
    }
}
