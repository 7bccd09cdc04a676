package dev.interlock.engine.analyses;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.dist.Beta;
import dev.interlock.engine.dist.Dist;
import dev.interlock.engine.dist.Fixed;
import dev.interlock.engine.dist.Gamma;
import dev.interlock.engine.dist.LogNormal;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.output.YamlComments;
import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.KeyRecorder;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.Scenario.Channel;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code calibrate} job: estimates the scenario inputs that actuals support, each as a distribution
 * whose spread is the estimate's uncertainty, and writes them into a scenario.
 *
 * <ul>
 *   <li>cost per lead per channel, and a saturating curve where the spend range allows
 *       ({@link ResponseFit});</li>
 *   <li>lead-to-qualified and win rates as Beta posteriors from counts, and the lead-to-close rate and
 *       sales-cycle lag from a deals table ({@link FunnelFit});</li>
 *   <li>churn, constant or shifted-beta-geometric, from a cohort table ({@link ChurnFit}), or constant from
 *       monthly churned and active customers (Beta posterior of churn events per customer-month at risk);</li>
 *   <li>deal size: ACV = 12 × Σ MRR (or revenue) / Σ active customers over the months, with the standard
 *       error of that ratio of sums (linearisation, treating months as independent).</li>
 * </ul>
 * Observed rates are those of the organisation that produced the data. They are written so that the
 * scenario's active structure reproduces them: qualification_rate = observed / handoff_quality and
 * win_rate = observed / win_rate_multiplier (central values). Sales capacity is assumed not to have
 * bound (wins are taken per qualified lead).
 *
 * <p>Distributions written: rates as {@code beta} by mean and sd; cost per lead, Hill parameters and sBG
 * α, β as {@code lognormal} with the maximum-likelihood estimate as median and p90 = median·exp(1.2816·se)
 * (se of the log); ACV as {@code gamma} by mean and sd. Where the data leave no visible uncertainty the
 * value is written as a plain number.
 */
public final class Calibrate {
    static final double Z90 = 1.2815515655446004;
    /** Longest sales-cycle lag a scenario accepts (months), as in the loader. */
    static final int MAX_LAG = 60;
    /** Header line every calibrated file starts with; a file starting otherwise is never overwritten. */
    public static final String HEADER = "# Calibrated by Interlock";

    /** The {@link Calibration#missing()} rows of keys the actuals format has no data for, at any length. */
    public static final List<String> NOT_IN_FORMAT = List.of("sales.*, onboarding.*",
            "funnel.unworked_decay, retention.expansion_rate, revenue.acv_sd, finance.*");

    private Calibrate() {
    }

    // ---- estimation ----

    /**
     * Estimates what the actuals support.
     *
     * @param a    actuals (for a backtest, only the training months)
     * @param base the scenario whose channels and structure the estimates are for, or null (channels are
     *             then named after the actuals' columns and the structure is neutral)
     */
    public static Calibration estimate(Actuals a, Scenario base) {
        List<Calibration.Row> est = new ArrayList<>();
        List<Calibration.Missing> miss = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Scenario.Response> responses = new LinkedHashMap<>();
        Map<String, Double> dispersions = new LinkedHashMap<>();
        Scenario.Policy pol = base == null ? null : base.policy();
        double handoff = pol == null ? 1 : pol.handoffQuality().mean();
        double multiplier = pol == null ? 1 : pol.winRateMultiplier().mean();

        // section 1: spend → leads
        List<String> names = base == null ? channelNames(a) : base.channels().stream().map(Channel::name).toList();
        for (String name : names) {
            double carry = 0;
            if (base != null) {
                carry = base.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                        .carryover();
            }
            String key = "marketing.channels[" + name + "].response";
            double[] spend = series(a, "spend", name, names.size());
            double[] leads = series(a, "leads", name, names.size());
            if (spend == null) {
                miss.add(new Calibration.Missing(key, "no spend for channel " + name + " in the actuals"
                        + (leads != null ? " (leads alone cannot give a cost per lead)" : "")));
                continue;
            }
            if (leads == null) {
                miss.add(new Calibration.Missing(key, "no leads for channel " + name + " in the actuals"));
                continue;
            }
            ResponseFit.Result f = ResponseFit.fit(spend, leads, carry);
            if (f == null) {
                miss.add(new Calibration.Missing(key, "fewer than 2 months with both spend and leads for channel "
                        + name));
                continue;
            }
            String from = count(f.leads()) + " leads for " + money(f.spend()) + " of effective spend over "
                    + f.months() + " months" + (carry > 0 ? " (carry-over " + sig(carry) + ")" : "");
            if (f.blankSpend() > 0) {
                notes.add("channel " + name + ": spend is blank in " + f.blankSpend() + " month"
                        + (f.blankSpend() == 1 ? "" : "s") + " after its first; " + (f.blankSpend() == 1 ? "it is"
                        : "they are") + " left out of the cost per lead" + (carry > 0 ? ", and the carry-over "
                        + "restarts after each gap as at the start" : "") + "; the fit uses " + f.months()
                        + " months with both spend and leads");
            }
            if (f.hill()) {
                Dist max = logNormal(f.maxLeads(), f.seLogMax());
                Dist half = logNormal(f.half(), f.seLogHalf());
                responses.put(name, new Scenario.Hill(max, half, new Fixed(1)));
                est.add(new Calibration.Row(key + ".max_leads", describe(max), from
                        + String.format(Locale.ROOT, "; saturation test %.1f > 2.71", f.lr())));
                est.add(new Calibration.Row(key + ".half_saturation_spend", describe(half), "same fit, shape 1"));
            } else {
                Dist cpl = logNormal(f.cpl(), f.seLogCpl());
                responses.put(name, new Scenario.Linear(cpl));
                est.add(new Calibration.Row(key + ".cost_per_lead", describe(cpl), from));
                if (f.why() != null) {
                    notes.add("channel " + name + ": linear response kept; " + f.why());
                }
            }
            if (!Double.isNaN(f.dispersion())) {
                double d = round(f.dispersion(), 4);
                dispersions.put(name, d);
                est.add(new Calibration.Row("marketing.channels[" + name + "].dispersion", Fmt4.of(d),
                        "lead counts' excess variance over " + f.months() + " months (method of moments)"));
            }
        }
        if (base == null) {
            // the skeleton's spend plans replay the actuals, which must have a value in every month
            for (String name : names) {
                double[] spend = series(a, "spend", name, names.size());
                double[] plan = spend != null ? spend : series(a, "leads", name, names.size());
                String filled = plan == null ? null : Skeleton.filled(a, plan);
                if (filled != null) {
                    notes.add("channel " + name + ": the written spend plan replays the actual " + (spend != null
                            ? "spend" : "leads (in lead units)") + ", " + filled + " — put the real values there");
                }
            }
        } else {
            Set<String> extra = new LinkedHashSet<>(a.channels("spend"));
            extra.addAll(a.channels("leads"));
            extra.removeAll(names);
            if (!extra.isEmpty() && names.size() > 1) {
                notes.add("actuals channels not in the scenario, ignored: " + String.join(", ", extra));
            }
        }

        // section 2: funnel
        double[] leads = a.total("leads");
        double[] qualified = a.total("qualified");
        double[] wins = a.total("wins");
        FunnelFit.Rate qual = null;
        String qualFrom = null;
        if (leads != null && qualified != null) {
            double[] p = FunnelFit.pooled(qualified, leads);
            if (p[1] > 0) {
                qual = FunnelFit.Rate.ofMonths(qualified, leads);
                qualFrom = count(p[0]) + " qualified of " + count(p[1]) + " leads over " + (int) p[2] + " months"
                        + qual.dispersionText();
            }
        }
        FunnelFit.Rate win = null;
        String winFrom = null;
        boolean leadToWin = false;
        if (qualified != null && wins != null) {
            double[] p = FunnelFit.pooled(wins, qualified);
            if (p[1] > 0) {
                win = FunnelFit.Rate.ofMonths(wins, qualified);
                winFrom = count(p[0]) + " wins of " + count(p[1]) + " qualified leads over " + (int) p[2] + " months"
                        + win.dispersionText();
            }
        } else if (leads != null && wins != null) {
            double[] p = FunnelFit.pooled(wins, leads);
            if (p[1] > 0) {
                win = FunnelFit.Rate.ofMonths(wins, leads);
                winFrom = count(p[0]) + " wins of " + count(p[1]) + " leads over " + (int) p[2] + " months"
                        + win.dispersionText();
                leadToWin = qual == null;
            }
        }
        FunnelFit.Lag lag = FunnelFit.lag(a, leads, MAX_LAG);
        // the sales cycle as written: lags whose share rounds to 0 at the end are dropped
        double[] cycle = lag == null ? null : roundedPmf(lag.pmf());
        String gapText = lag == null || lag.gaps().isEmpty() ? "" : " except " + months(lag.gaps());
        if (win == null && lag != null) {
            String lagFrom = count(lag.deals()) + " deals closed " + lag.from() + "…" + lag.to() + gapText
                    + " from leads of the months before, lags 0–" + (cycle.length - 1) + " (censoring-corrected)";
            if (qual != null) {
                double m = lag.rate().mean() / qual.mean();
                double sd = Math.hypot(lag.rate().sd() / qual.mean(), lag.rate().mean() * qual.sd()
                        / (qual.mean() * qual.mean()));
                win = new FunnelFit.Rate(m, sd, Double.NaN, Double.NaN);
                winFrom = lagFrom + ", divided by the qualification rate";
            } else {
                win = lag.rate();
                winFrom = lagFrom;
                leadToWin = true;
            }
        }
        Dist qualDist = null;
        if (qual != null) {
            if (qual.mean() / handoff > 1) {
                notes.add(String.format(Locale.ROOT, "funnel.qualification_rate: the observed rate %s ÷ the "
                        + "structure's handoff quality %s is %s, above 1, so it is written as 1 and the model will "
                        + "qualify only %s of leads: the assumed handoff loss is larger than the history allows; "
                        + "assume a handoff of at least %s, or calibrate under another structure", sig(qual.mean()),
                        sig(handoff), sig(qual.mean() / handoff), sig(handoff), sig(qual.mean())));
            }
            qualDist = rate(qual.mean() / handoff, qual.sd() / handoff);
            est.add(new Calibration.Row("funnel.qualification_rate", describe(qualDist), qualFrom
                    + (handoff != 1 ? " ÷ handoff quality " + sig(handoff) : "")));
        } else if (leadToWin) {
            qualDist = new Fixed(1);
            est.add(new Calibration.Row("funnel.qualification_rate", "1", "no qualified counts: the whole "
                    + "lead-to-win rate is put on win_rate"));
        } else {
            miss.add(new Calibration.Missing("funnel.qualification_rate", "needs monthly leads and qualified"));
        }
        Dist winDist = null;
        if (win != null) {
            double div = multiplier * (leadToWin ? handoff : 1);
            if (win.mean() / div > 1) {
                notes.add(String.format(Locale.ROOT, "funnel.win_rate: the observed rate %s ÷ the structure's "
                        + "multipliers %s is %s, above 1, so it is written as 1 and the model's rate will fall short "
                        + "of the history: the structure's assumed losses are larger than the history allows",
                        sig(win.mean()), sig(div), sig(win.mean() / div)));
            }
            winDist = rate(win.mean() / div, win.sd() / div);
            est.add(new Calibration.Row("funnel.win_rate", describe(winDist), winFrom
                    + (div != 1 ? " ÷ the structure's multipliers " + sig(div) : "")));
        } else {
            miss.add(new Calibration.Missing("funnel.win_rate", "needs monthly wins with qualified or leads, or a "
                    + "deals table (lead and close months) with monthly leads"));
        }
        String disagree = dealsAgainstCloses(a);
        if (disagree != null) {
            notes.add(disagree);
        }
        if (lag != null) {
            est.add(new Calibration.Row("funnel.sales_cycle_months", pmfText(cycle), count(lag.deals())
                    + " deals by lead and close month, closes " + lag.from() + "…" + lag.to() + gapText
                    + String.format(Locale.ROOT, "; mean lag %.2f months", lag.meanLag())));
            if (!lag.gaps().isEmpty()) {
                int g = lag.gaps().size();
                notes.add("closes is blank in " + months(lag.gaps()) + ", inside the deals table's window "
                        + lag.from() + "…" + lag.to() + ": the deals closing in " + (g == 1 ? "that month" : "those "
                        + g + " months") + " are taken as missing, so every lead month's deals closing then are "
                        + "left out of the win rate and the sales cycle (their leads are not counted as exposed "
                        + "there either)");
            }
            if (lag.dropped() > 0) {
                notes.add(count(lag.dropped()) + " deals closed after more than " + (lag.pmf().length - 1) + " months, "
                        + "where too few leads have been followed that long to estimate the lag; they are left "
                        + "out of the sales cycle and the win rate");
            }
            if (lag.unmatched() > 0) {
                notes.add(count(lag.unmatched()) + " deals have a lead month without a leads value and were not "
                        + "used");
            }
        } else {
            miss.add(new Calibration.Missing("funnel.sales_cycle_months", a.deals() == null
                    ? "needs a deals table (--deals) with lead and close months"
                    : "the deals table and monthly leads have no lead month observed at lag 0 in the window"));
        }

        // section 4: churn
        Scenario.Retention retention = null;
        if (a.cohorts() != null && a.cohorts().cells() > 0) {
            ChurnFit.Result f = ChurnFit.fit(a.cohorts());
            String from = f.cohorts() + " cohorts, " + count(f.customers()) + " customers, " + f.cells()
                    + " cohort-months";
            if (f.activity()) {
                notes.add(String.format(Locale.ROOT, "the cohort counts rise in %d places, so they measure activity "
                        + "(customers active in the month), not survival: S(τ) was fitted to the share active by "
                        + "binomial pseudo-likelihood, standard errors scaled by the Pearson dispersion φ = %.1f",
                        a.cohorts().rises(), f.dispersion()));
                from += ", activity counts";
            }
            if (f.sbg()) {
                Dist al = logNormal(f.alpha(), f.seLogAlpha());
                Dist be = logNormal(f.beta(), f.seLogBeta());
                retention = new Scenario.ShiftedBetaGeometric(al, be, new Fixed(0));
                String mle = String.format(Locale.ROOT, "; sBG by maximum likelihood (test vs constant %.1f > 2.71)",
                        f.lr());
                est.add(new Calibration.Row("retention.alpha", describe(al), from + mle));
                est.add(new Calibration.Row("retention.beta", describe(be), String.format(Locale.ROOT,
                        "same fit; correlation of ln α and ln β %.2f (not carried: the scenario draws them "
                                + "independently)", f.correlation())));
            } else {
                Dist c = rate(f.churn(), f.churnSe());
                retention = new Scenario.ConstantChurn(c, new Fixed(0));
                est.add(new Calibration.Row("retention.monthly_churn", describe(c), from + String.format(Locale.ROOT,
                        "; constant churn (sBG test %.1f ≤ 2.71)", f.lr())));
            }
        } else {
            double[] churned = a.total("churned");
            double[] active = a.total("active_customers");
            if (churned != null && active != null) {
                double d = 0;
                double x = 0;
                int m = 0;
                for (int t = 1; t < a.months(); t++) {
                    if (!Double.isNaN(churned[t]) && !Double.isNaN(active[t - 1])) {
                        d += churned[t];
                        x += active[t - 1];
                        m++;
                    }
                }
                if (x > 0 && d <= x) {
                    // month t's churned against the customers live at the end of month t − 1
                    double[] k = new double[a.months() - 1];
                    double[] n = new double[a.months() - 1];
                    for (int t = 1; t < a.months(); t++) {
                        k[t - 1] = churned[t];
                        n[t - 1] = active[t - 1];
                    }
                    FunnelFit.Rate r = FunnelFit.Rate.ofMonths(k, n);
                    Dist c = rate(r.mean(), r.sd());
                    retention = new Scenario.ConstantChurn(c, new Fixed(0));
                    est.add(new Calibration.Row("retention.monthly_churn", describe(c), count(d) + " churned of "
                            + count(x) + " customer-months at risk over " + m + " months" + r.dispersionText()));
                }
            }
            if (retention == null && churned != null && active != null) {
                miss.add(new Calibration.Missing("retention", "monthly churned and active_customers are given, but "
                        + "no month has both churned and the previous month's active customers, or more were churned "
                        + "than were active at the previous months' ends (customers who joined and left within a "
                        + "month): constant churn per customer-month at risk cannot be taken from them"));
            } else if (retention == null) {
                miss.add(new Calibration.Missing("retention", "needs a cohort table (--cohorts), or monthly churned "
                        + "and active_customers"));
            }
        }

        // section 4: deal size
        Dist acv = null;
        double[] active = a.total("active_customers");
        double[] mrr = a.total("mrr");
        String mrrName = "mrr";
        if (mrr == null) {
            mrr = a.total("revenue");
            mrrName = "revenue";
        }
        if (active != null && mrr != null) {
            double sm = 0;
            double sa = 0;
            List<double[]> pairs = new ArrayList<>();   // {active customers, 12 × mrr} per month
            for (int t = 0; t < a.months(); t++) {
                if (!Double.isNaN(mrr[t]) && !Double.isNaN(active[t]) && active[t] > 0) {
                    sm += mrr[t];
                    sa += active[t];
                    pairs.add(new double[] {active[t], 12 * mrr[t]});
                }
            }
            if (sa > 0 && sm > 0 && 12 * sm / sa <= 1e15) {   // beyond that, no scenario could hold it
                double mean = 12 * sm / sa;
                double se = Double.NaN;
                int n = pairs.size();
                if (n >= 2) {
                    // standard error of the ratio of sums itself (linearisation: residuals y − R·x around the
                    // estimate), so that the point and its spread belong to the same estimator; months with
                    // more customers weigh more in both
                    double ss = 0;
                    for (double[] xy : pairs) {
                        double e = xy[1] - mean * xy[0];
                        ss += e * e;
                    }
                    se = Math.sqrt(n / (n - 1.0) * ss) / sa;
                }
                // cents for everyday values; significant digits for tiny ones, which must not round to 0
                // the gamma as it will be written (rounded) must itself be valid, e.g. not narrower than 1/10,000
                // of its mean, or the value is given as fixed
                acv = Double.isNaN(se) || Gamma.problem(sig(mean, 6), sig(se, 3)) != null
                        ? new Fixed(mean >= 1 ? round(mean, 2) : sig(mean, 6))
                        : new Gamma(sig(mean, 6), sig(se, 3));
                est.add(new Calibration.Row("revenue.acv", describe(acv), "12 × " + mrrName + " per active customer "
                        + "over " + pairs.size() + " months (" + count(sa) + " customer-months)"));
            }
        }
        if (acv == null) {
            miss.add(new Calibration.Missing("revenue.acv", "needs monthly mrr (or revenue) and active_customers"));
        }
        miss.add(new Calibration.Missing(NOT_IN_FORMAT.get(0), "capacity and staffing are not in the actuals "
                + "format"));
        miss.add(new Calibration.Missing(NOT_IN_FORMAT.get(1), "not in the actuals format"));

        return new Calibration(a.file(), a.months(), a.first().toString(), a.last().toString(), responses,
                dispersions, qualDist, winDist, cycle, retention, acv, est, miss, notes);
    }

    /** Months as words: "2018-05", or "2018-05, 2018-07 (2 months)", at most 6 listed. */
    static String months(List<java.time.YearMonth> ms) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(6, ms.size()); i++) {
            shown.add(ms.get(i).toString());
        }
        return String.join(", ", shown) + (ms.size() > 6 ? ", …" : "") + (ms.size() > 1 ? " (" + ms.size()
                + " months)" : "");
    }

    /** Channel names for a scenario built from actuals alone: per-channel columns, else one channel "all". */
    static List<String> channelNames(Actuals a) {
        Set<String> names = new LinkedHashSet<>(a.channels("spend"));
        names.addAll(a.channels("leads"));
        return names.isEmpty() ? List.of("all") : List.copyOf(names);
    }

    /**
     * A channel's series of {@code metric} (spend or leads): its own column, or — when the scenario has a
     * single channel — the total. Null when neither is there.
     */
    static double[] series(Actuals a, String metric, String channel, int channelCount) {
        double[] own = a.column(metric + "." + channel);
        if (own != null) {
            return own;
        }
        return channelCount == 1 ? a.total(metric) : null;
    }

    // ---- applying ----

    /** The base scenario with every estimated key replaced; everything else kept. */
    public static Scenario apply(Scenario base, Calibration c) {
        List<Channel> channels = new ArrayList<>();
        for (Channel ch : base.channels()) {
            channels.add(new Channel(ch.name(), ch.spend(), ch.carryover(),
                    c.responses().getOrDefault(ch.name(), ch.response()),
                    c.dispersions().getOrDefault(ch.name(), ch.dispersion())));
        }
        Scenario.Funnel f = base.funnel();
        Scenario.Funnel funnel = new Scenario.Funnel(
                c.qualification() != null ? c.qualification() : f.qualificationRate(),
                c.win() != null ? c.win() : f.winRate(), f.unworkedDecay(),
                c.salesCycle() != null ? c.salesCycle().clone() : f.salesCycle());
        Scenario.Retention retention = base.retention();
        Dist expansion = base.retention().expansionRate();
        if (c.retention() instanceof Scenario.ConstantChurn cc) {
            retention = new Scenario.ConstantChurn(cc.monthlyChurn(), expansion);
        } else if (c.retention() instanceof Scenario.ShiftedBetaGeometric g) {
            retention = new Scenario.ShiftedBetaGeometric(g.alpha(), g.beta(), expansion);
        }
        Scenario.Revenue revenue = new Scenario.Revenue(c.acv() != null ? c.acv() : base.revenue().acv(),
                base.revenue().acvSd());
        return new Scenario(base.name(), base.description(), base.seed(), base.trials(), base.horizonMonths(),
                base.startMonth(), base.currency(), channels, funnel, base.sales(), base.onboarding(), retention,
                revenue, base.finance(), base.structure(), base.structures(), base.compare());
    }

    // ---- writing ----

    /** A calibrated scenario and its YAML text, with the keys left as placeholders. */
    public record Written(Scenario scenario, String yaml, List<String> placeholders) {
        public Written {
            placeholders = List.copyOf(placeholders);
        }
    }

    /**
     * The calibrated scenario as YAML: with a base, the base with the estimated keys replaced; without, a
     * skeleton built from the actuals in which every key the data cannot give is a marked placeholder.
     * Estimated keys carry a "calibrated:" comment. The text is checked to load with {@link ScenarioLoader}.
     *
     * @param baseName the base scenario's file name for the header, or null
     */
    public static Written write(Actuals a, Calibration c, Scenario base, String baseName) {
        Map<String, String> comments = new LinkedHashMap<>();
        for (Calibration.Row r : c.estimated()) {
            comments.put(r.key(), "calibrated: " + r.from());
        }
        Scenario sc;
        List<String> placeholders = new ArrayList<>();
        if (base != null) {
            sc = apply(base, c);
        } else {
            Skeleton.Result s = Skeleton.build(a, c);
            sc = s.scenario();
            for (Map.Entry<String, String> e : s.placeholders().entrySet()) {
                placeholders.add(e.getKey());
                comments.put(e.getKey(), "PLACEHOLDER: " + e.getValue());
            }
            comments.putAll(s.notes());
        }
        String body = ScenarioYaml.write(sc);
        while (body.startsWith("#")) {
            body = body.substring(body.indexOf('\n') + 1);
        }
        StringBuilder head = new StringBuilder(HEADER).append(" from ").append(c.actuals()).append(" (")
                .append(c.months()).append(" months, ").append(c.firstMonth()).append('…').append(c.lastMonth())
                .append(")").append(baseName != null ? " on " + baseName : ", without a base scenario").append(".\n");
        head.append("# Keys marked 'calibrated' were estimated from the data; their spread is the estimate's "
                + "uncertainty.\n");
        if (!placeholders.isEmpty()) {
            head.append("# Keys marked PLACEHOLDER could not be estimated: set them before relying on results.\n");
        }
        String yaml = head + YamlComments.annotate(body, comments);
        Scenario check;
        try {
            check = ScenarioLoader.parse("calibrated.yaml", yaml.getBytes(StandardCharsets.UTF_8), null,
                    KeyRecorder.NONE);
        } catch (InputException e) {
            throw new IllegalStateException("the calibrated scenario does not load: " + e.getMessage(), e);
        }
        return new Written(check, yaml, placeholders);
    }

    // ---- distributions and words ----

    /** Beta(mean, sd), or a plain number when the spread is too small to represent; sd capped below its bound. */
    static Dist rate(double mean, double sd) {
        double m = Math.min(Math.max(round(mean, 6), 1e-6), 1 - 1e-6);
        double s = sig(Math.min(sd, 0.95 * Math.sqrt(m * (1 - m))), 3);
        if (!(s > 0) || Beta.problem(m, s) != null) {
            return new Fixed(m);
        }
        return new Beta(m, s);
    }

    /** Lognormal with median x and ln-scale standard error se, or a plain number when se is 0 or unknown. */
    static Dist logNormal(double x, double se) {
        double median = sig(x, 6);
        if (!(se > 0) || !Double.isFinite(se)) {
            return new Fixed(median);
        }
        double p90 = sig(x * Math.exp(Z90 * se), 6);
        return LogNormal.problem(median, p90) == null ? new LogNormal(median, p90) : new Fixed(median);
    }

    /** Rounds a pmf to 4 decimals, trailing zeros dropped, with the rounding residue on the largest entry. */
    static double[] roundedPmf(double[] pmf) {
        int n = pmf.length;
        while (n > 1 && Math.round(pmf[n - 1] * 10_000) == 0) {
            n--;
        }
        double[] r = new double[n];
        long total = 0;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            long v = Math.round(pmf[i] * 10_000);
            r[i] = v;
            total += v;
            if (pmf[i] > pmf[largest]) {
                largest = i;
            }
        }
        r[largest] += 10_000 - total;
        for (int i = 0; i < n; i++) {
            r[i] = r[i] / 10_000;
        }
        return r;
    }

    static String describe(Dist d) {
        if (d instanceof Fixed f) {
            return Fmt4.of(f.value());
        }
        StringBuilder b = new StringBuilder(d.kind()).append('(');
        int i = 0;
        for (Map.Entry<String, Double> e : d.parameters().entrySet()) {
            b.append(i++ > 0 ? ", " : "").append(e.getKey()).append(' ').append(Fmt4.of(e.getValue()));
        }
        return b.append(')').toString();
    }

    private static String pmfText(double[] pmf) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < pmf.length; i++) {
            b.append(i > 0 ? ", " : "").append(Fmt4.of(pmf[i]));
        }
        return b.append(']').toString();
    }

    static double sig(double x, int digits) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).round(new MathContext(digits)).doubleValue();
    }

    static String sig(double x) {
        return Fmt4.of(sig(x, 4));
    }

    static double round(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static String count(double x) {
        return String.format(Locale.ROOT, "%,d", Math.round(x));
    }

    private static String money(double x) {
        return String.format(Locale.ROOT, "%,.0f", x);
    }

    /** Four significant digits, locale-free, for messages. */
    static final class Fmt4 {
        private Fmt4() {
        }

        static String of(double x) {
            if (!Double.isFinite(x)) {
                return "n/a";
            }
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                return String.format(Locale.ROOT, "%d", (long) x);
            }
            return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * When the actuals have both a deals table and a monthly closes column, the months in which the deals closing
     * there do not add up to the column (the two files describe different deals), or null when they agree.
     */
    static String dealsAgainstCloses(Actuals a) {
        double[] closes = a.total("closes");
        if (a.deals() == null || closes == null) {
            return null;
        }
        double[] fromDeals = new double[a.months()];
        for (Map.Entry<java.time.YearMonth, Map<Integer, Long>> lead : a.deals().byLead().entrySet()) {
            for (Map.Entry<Integer, Long> e : lead.getValue().entrySet()) {
                int t = a.index(lead.getKey().plusMonths(e.getKey()));
                if (t >= 0 && t < fromDeals.length) {
                    fromDeals[t] += e.getValue();
                }
            }
        }
        int months = 0;
        double sumDeals = 0;
        double sumCloses = 0;
        for (int t = 0; t < closes.length; t++) {
            if (!Double.isNaN(closes[t])) {
                sumDeals += fromDeals[t];
                sumCloses += closes[t];
                months += fromDeals[t] != closes[t] ? 1 : 0;
            }
        }
        return months == 0 ? null : String.format(Locale.ROOT, "the deals table and the closes column disagree in %d "
                + "month%s (%s deals closing in the actuals' months against %s closes): check that they describe the "
                + "same deals; the win rate and sales cycle come from the deals table", months, months == 1 ? "" : "s",
                count(sumDeals), count(sumCloses));
    }
}
