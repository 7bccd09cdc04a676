package dev.interlock.engine.output;

import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Scenario.Channel;
import dev.interlock.engine.scenario.Scenario.Hire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a {@link Scenario} back as YAML with every default filled in and every include resolved: the
 * "resolved scenario" saved beside each run's results, so the numbers can be reproduced from it alone.
 * The loader reads it back to an equal scenario.
 */
public final class ScenarioYaml {
    private ScenarioYaml() {
    }

    public static String write(Scenario s) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        root.put("seed", s.seed());
        root.put("trials", s.trials());
        root.put("horizon_months", s.horizonMonths());
        if (s.startMonth() != null) {
            root.put("start_month", s.startMonth());
        }
        root.put("currency", s.currency());

        List<Object> channels = new ArrayList<>();
        for (Channel c : s.channels()) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("name", c.name());
            Map<String, Object> spend = new LinkedHashMap<>();
            if (c.spend().plan() != null) {
                spend.put("plan", list(c.spend().plan()));
            } else {
                spend.put("base", num(c.spend().base()));
                spend.put("growth", num(c.spend().growth()));
                spend.put("seasonality", list(c.spend().seasonality()));
            }
            ch.put("spend", spend);
            ch.put("carryover", num(c.carryover()));
            Map<String, Object> resp = new LinkedHashMap<>();
            if (c.response() instanceof Scenario.Hill h) {
                resp.put("type", "hill");
                resp.put("max_leads", dist(h.maxLeads()));
                resp.put("half_saturation_spend", dist(h.halfSaturationSpend()));
                resp.put("shape", dist(h.shape()));
            } else {
                resp.put("type", "linear");
                resp.put("cost_per_lead", dist(((Scenario.Linear) c.response()).costPerLead()));
            }
            ch.put("response", resp);
            ch.put("dispersion", num(c.dispersion()));
            channels.add(ch);
        }
        root.put("marketing", Map.of("channels", channels));

        Map<String, Object> funnel = new LinkedHashMap<>();
        funnel.put("qualification_rate", dist(s.funnel().qualificationRate()));
        funnel.put("win_rate", dist(s.funnel().winRate()));
        funnel.put("unworked_decay", dist(s.funnel().unworkedDecay()));
        funnel.put("sales_cycle_months", list(s.funnel().salesCycle()));
        root.put("funnel", funnel);

        Map<String, Object> sales = new LinkedHashMap<>();
        sales.put("reps", s.sales().reps());
        sales.put("leads_per_rep_month", dist(s.sales().leadsPerRepMonth()));
        sales.put("ramp_months", s.sales().rampMonths());
        sales.put("cost_per_rep_month", num(s.sales().costPerRepMonth()));
        sales.put("hires", hires(s.sales().hires()));
        root.put("sales", sales);

        Scenario.Onboarding o = s.onboarding();
        Map<String, Object> ob = new LinkedHashMap<>();
        ob.put("staff", o.staff());
        ob.put("customers_per_staff_month", dist(o.customersPerStaffMonth()));
        ob.put("ramp_months", o.rampMonths());
        ob.put("cost_per_staff_month", num(o.costPerStaffMonth()));
        ob.put("churn_while_waiting", dist(o.churnWhileWaiting()));
        ob.put("backlog_threshold", num(o.backlogThreshold()));
        ob.put("revenue_starts", o.revenueAtClose() ? "close" : "go_live");
        ob.put("hires", hires(o.hires()));
        Scenario.Hiring hi = o.hiring();
        Map<String, Object> hiring = new LinkedHashMap<>();
        hiring.put("enabled", hi.enabled());
        hiring.put("lead_time_months", hi.leadTimeMonths());
        hiring.put("backlog_clear_months", num(hi.backlogClearMonths()));
        hiring.put("target_utilization", num(hi.targetUtilization()));
        hiring.put("max_hires_per_review", hi.maxHiresPerReview());
        hiring.put("max_staff", hi.maxStaff());
        ob.put("hiring", hiring);
        root.put("onboarding", ob);

        Map<String, Object> ret = new LinkedHashMap<>();
        if (s.retention() instanceof Scenario.ShiftedBetaGeometric g) {
            ret.put("model", "sbg");
            ret.put("alpha", dist(g.alpha()));
            ret.put("beta", dist(g.beta()));
        } else {
            ret.put("model", "constant");
            ret.put("monthly_churn", dist(((Scenario.ConstantChurn) s.retention()).monthlyChurn()));
        }
        ret.put("expansion_rate", dist(s.retention().expansionRate()));
        root.put("retention", ret);

        Map<String, Object> rev = new LinkedHashMap<>();
        rev.put("acv", dist(s.revenue().acv()));
        rev.put("acv_sd", num(s.revenue().acvSd()));
        root.put("revenue", rev);

        Map<String, Object> fin = new LinkedHashMap<>();
        fin.put("gross_margin", dist(s.finance().grossMargin()));
        fin.put("fixed_costs_per_month", num(s.finance().fixedCostsPerMonth()));
        root.put("finance", fin);

        root.put("structure", s.structure());
        Map<String, Object> structures = new LinkedHashMap<>();
        for (Scenario.Policy p : s.structures().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!p.description().isEmpty()) {
                m.put("description", p.description());
            }
            m.put("handoff_quality", dist(p.handoffQuality()));
            m.put("win_rate_multiplier", dist(p.winRateMultiplier()));
            m.put("forecast_visibility_months", p.forecastVisibilityMonths());
            m.put("review_cadence_months", p.reviewCadenceMonths());
            if (p.hireLeadTimeMonths() != Scenario.Policy.SCENARIO_LEAD_TIME) {
                m.put("hire_lead_time_months", p.hireLeadTimeMonths());
            }
            Scenario.SpendPacing sp = p.spendPacing();
            if (sp.enabled()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("enabled", true);
                if (Double.isFinite(sp.unworkedThreshold())) {
                    pm.put("unworked_threshold", num(sp.unworkedThreshold()));
                }
                if (Double.isFinite(sp.backlogThreshold())) {
                    pm.put("backlog_threshold", num(sp.backlogThreshold()));
                }
                pm.put("hold_factor", num(sp.holdFactor()));
                m.put("spend_pacing", pm);
            } else {
                m.put("spend_pacing", false);
            }
            m.put("overhead_per_month", dist(p.overheadPerMonth()));
            structures.put(p.name(), m);
        }
        root.put("structures", structures);
        root.put("compare", new ArrayList<>(s.compare()));

        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        opts.setIndent(2);
        opts.setIndicatorIndent(0);
        opts.setWidth(120);
        opts.setLineBreak(DumperOptions.LineBreak.UNIX);
        String body = new Yaml(opts).dump(root);
        return "# Resolved scenario written by Interlock " + dev.interlock.engine.Version.describe()
                + ": every default filled in, includes applied.\n"
                + "# Running this file with the same build reproduces the results beside it.\n" + body;
    }

    private static List<Object> hires(List<Hire> hires) {
        List<Object> out = new ArrayList<>();
        for (Hire h : hires) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", h.month());
            m.put("count", h.count());
            out.add(m);
        }
        return out;
    }

    private static Object dist(Dist d) {
        if (d instanceof Fixed f) {
            return num(f.value());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dist", d.kind());
        for (Map.Entry<String, Double> e : d.parameters().entrySet()) {
            m.put(e.getKey(), num(e.getValue()));
        }
        return m;
    }

    /** Whole numbers as integers, others as doubles with their shortest exact text. */
    private static Object num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return (long) x;
        }
        return x;
    }

    private static List<Object> list(double[] xs) {
        List<Object> out = new ArrayList<>();
        for (double x : xs) {
            out.add(num(x));
        }
        return out;
    }
}
