package dev.interlock.engine.scenario;

import dev.interlock.engine.dist.Dist;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario: what a planner wrote, with every default filled in. Immutable; built only by
 * {@link ScenarioLoader}, which has already checked every value, so nothing downstream checks again.
 * Months in user-facing fields (hires) count from 1; the model counts t = 0 … H−1.
 *
 * <p>See {@code docs/scenario-reference.md} for every key, its unit, default and range, and
 * {@code docs/model.md} for what each one does (MODEL.md sections 1–6).
 *
 * @param name           label for reports
 * @param description    free text
 * @param seed           the seed every random draw flows from
 * @param trials         number of Monte Carlo trials (possible futures)
 * @param horizonMonths  months simulated, H
 * @param startMonth     calendar month of the first simulated month ("2027-01"), or null
 * @param currency       label for money columns
 * @param channels       marketing channels (section 1)
 * @param funnel         handoff, qualification, wins, sales cycle (section 2)
 * @param sales          sales capacity (section 2)
 * @param onboarding     operations (section 3)
 * @param retention      churn and expansion (section 4)
 * @param revenue        deal size (section 4)
 * @param finance        margin and fixed costs (section 5)
 * @param structure      the name of the structure {@code run} uses
 * @param structures     every defined reporting structure, by name, in file order (section 6)
 * @param compare        the structures {@code compare} runs by default, in order
 */
public record Scenario(String name, String description, long seed, int trials, int horizonMonths,
                       String startMonth, String currency, List<Channel> channels, Funnel funnel, Sales sales,
                       Onboarding onboarding, Retention retention, Revenue revenue, Finance finance,
                       String structure, Map<String, Policy> structures, List<String> compare) {

    public Scenario {
        channels = List.copyOf(channels);
        structures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(structures));
        compare = List.copyOf(compare);
    }

    /** The structure {@code run} uses. */
    public Policy policy() {
        return structures.get(structure);
    }

    /** A copy with another seed, trial count or active structure (command-line overrides). */
    public Scenario with(long seed, int trials, String structure) {
        return new Scenario(name, description, seed, trials, horizonMonths, startMonth, currency, channels, funnel,
                sales, onboarding, retention, revenue, finance, structure, structures, compare);
    }

    /** The same scenario comparing {@code structures} (in that order) by default. */
    public Scenario withCompare(List<String> structures) {
        return new Scenario(name, description, seed, trials, horizonMonths, startMonth, currency, channels, funnel,
                sales, onboarding, retention, revenue, finance, structure, this.structures, structures);
    }

    /** Calendar month (0 = January) of model month t (0-based); month 0 counts as January without a start month. */
    public int calendarMonth(int t) {
        int start = startMonth == null ? 0 : Integer.parseInt(startMonth.substring(5, 7)) - 1;
        return (start + t) % 12;
    }

    /** Marketing spend planned for month t (0-based) over all channels, before any pacing; currency per month. */
    public double plannedSpend(int t) {
        double sum = 0;
        for (Channel c : channels) {
            sum += c.spend().planned(t, calendarMonth(t));
        }
        return sum;
    }

    /** Planned spend of one channel: an explicit monthly plan, or base × (1+growth)^t × seasonality. */
    public record Spend(double base, double growth, double[] seasonality, double[] plan) {
        /** Planned spend in month t (0-based), before any pacing, given the calendar month index (0 = January). */
        public double planned(int t, int calendarMonth) {
            if (plan != null) {
                return plan[t];
            }
            return base * Math.pow(1 + growth, t) * seasonality[calendarMonth];
        }
    }

    /** How effective spend turns into expected leads: linear by cost per lead, or a saturating Hill curve. */
    public sealed interface Response permits Linear, Hill {
    }

    /** μ = E / cpl. @param costPerLead currency per lead */
    public record Linear(Dist costPerLead) implements Response {
    }

    /** μ = max · E^s / (K^s + E^s). @param halfSaturationSpend K, currency per month */
    public record Hill(Dist maxLeads, Dist halfSaturationSpend, Dist shape) implements Response {
    }

    /** One marketing channel (section 1). @param dispersion 0 = Poisson; else negative binomial, var = μ + d·μ² */
    public record Channel(String name, Spend spend, double carryover, Response response, double dispersion) {
    }

    /**
     * Section 2, funnel. @param unworkedDecay share of unworked leads that go cold each month
     * @param salesCycle pmf of the months from win to close, index = lag in months
     */
    public record Funnel(Dist qualificationRate, Dist winRate, Dist unworkedDecay, double[] salesCycle) {
    }

    /** A planned hire: {@code count} people arriving in (1-based) {@code month}. */
    public record Hire(int month, int count) {
    }

    /** Section 2, sales capacity. @param leadsPerRepMonth qualified leads one ramped rep works per month */
    public record Sales(int reps, Dist leadsPerRepMonth, int rampMonths, double costPerRepMonth, List<Hire> hires) {
        public Sales {
            hires = List.copyOf(hires);
        }
    }

    /**
     * Operations' hiring policy (section 6): at each review it sizes staff to the demand it can see.
     *
     * @param leadTimeMonths       months from the decision to the hire's first month
     * @param backlogClearMonths   months in which operations aims to clear the visible backlog
     * @param targetUtilization    share of capacity operations plans to use
     * @param maxHiresPerReview    cap on hires decided at one review
     * @param maxStaff             headcount cap
     */
    public record Hiring(boolean enabled, int leadTimeMonths, double backlogClearMonths, double targetUtilization,
                         int maxHiresPerReview, int maxStaff) {
        public static final Hiring OFF = new Hiring(false, 2, 3, 0.85, 5, 1000);
    }

    /** Section 3. @param backlogThreshold customers waiting above which a month counts as a crunch */
    public record Onboarding(int staff, Dist customersPerStaffMonth, int rampMonths, double costPerStaffMonth,
                             Dist churnWhileWaiting, double backlogThreshold, boolean revenueAtClose,
                             List<Hire> hires, Hiring hiring) {
        public Onboarding {
            hires = List.copyOf(hires);
        }
    }

    /** Section 4. Constant monthly churn, or shifted-beta-geometric (α, β). */
    public sealed interface Retention permits ConstantChurn, ShiftedBetaGeometric {
        Dist expansionRate();
    }

    public record ConstantChurn(Dist monthlyChurn, Dist expansionRate) implements Retention {
    }

    public record ShiftedBetaGeometric(Dist alpha, Dist beta, Dist expansionRate) implements Retention {
    }

    /** Section 4, deal size. @param acv mean annual contract value per customer; @param acvSd spread across customers */
    public record Revenue(Dist acv, double acvSd) {
    }

    /** Section 5. */
    public record Finance(Dist grossMargin, double fixedCostsPerMonth) {
    }

    /**
     * Spend pacing (section 6): while sales' unworked queue or the onboarding backlog is over its
     * threshold at a review, marketing spends {@code holdFactor} × plan until the next review.
     */
    public record SpendPacing(boolean enabled, double unworkedThreshold, double backlogThreshold, double holdFactor) {
        public static final SpendPacing OFF = new SpendPacing(false, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 1);
    }

    /**
     * A reporting structure as a set of policies (section 6).
     *
     * @param hireLeadTimeMonths months from a hiring decision to the hire's first month under this structure, or
     *                           {@link #SCENARIO_LEAD_TIME} for the scenario's {@code onboarding.hiring.lead_time_months}
     * @param keysAtDefault      the policy keys neither this structure nor an included one of the same name set,
     *                           so they hold the neutral defaults (for the notes of validate, run and compare)
     */
    public record Policy(String name, String description, Dist handoffQuality, Dist winRateMultiplier,
                         int forecastVisibilityMonths, int reviewCadenceMonths, int hireLeadTimeMonths,
                         SpendPacing spendPacing, Dist overheadPerMonth, java.util.Set<String> keysAtDefault) {
        /** {@link #hireLeadTimeMonths} when the structure does not set its own. */
        public static final int SCENARIO_LEAD_TIME = -1;

        /** The policy keys of a structure, in the order of docs/structures.md. */
        public static final List<String> KEYS = List.of("handoff_quality", "win_rate_multiplier",
                "forecast_visibility_months", "review_cadence_months", "hire_lead_time_months", "spend_pacing",
                "overhead_per_month");

        public Policy {
            keysAtDefault = java.util.Set.copyOf(keysAtDefault);
        }

        /** A policy whose every key was given (or whose defaults are of no interest, as a calibrated one's). */
        public Policy(String name, String description, Dist handoffQuality, Dist winRateMultiplier,
                      int forecastVisibilityMonths, int reviewCadenceMonths, int hireLeadTimeMonths,
                      SpendPacing spendPacing, Dist overheadPerMonth) {
            this(name, description, handoffQuality, winRateMultiplier, forecastVisibilityMonths, reviewCadenceMonths,
                    hireLeadTimeMonths, spendPacing, overheadPerMonth, java.util.Set.of());
        }

        /** The lead time hires take under this structure, given the scenario's hiring settings. */
        public int leadTimeMonths(Hiring hiring) {
            return hireLeadTimeMonths == SCENARIO_LEAD_TIME ? hiring.leadTimeMonths() : hireLeadTimeMonths;
        }
    }
}
