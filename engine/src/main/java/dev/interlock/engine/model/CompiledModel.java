package dev.interlock.engine.model;

import dev.interlock.engine.scenario.Scenario;

/**
 * A scenario under one reporting structure, compiled for the trial kernel: final fields, primitive
 * arrays and slot indices, everything a trial needs settled before the first trial. Immutable and
 * shared by all worker threads; each worker makes its own {@link TrialState} with {@link #newState()}.
 */
public final class CompiledModel {
    final Scenario scenario;
    final String structure;
    final long seed;
    final int horizon;
    final Inputs inputs;
    final Marketing marketing;
    final Funnel funnel;
    final Sales sales;
    final Onboarding onboarding;
    final Retention retention;
    final Finance finance;
    final Policy policy;
    final double backlogThreshold;

    CompiledModel(Scenario scenario, String structure, Inputs inputs, Marketing marketing, Funnel funnel, Sales sales,
                  Onboarding onboarding, Retention retention, Finance finance, Policy policy) {
        this.scenario = scenario;
        this.structure = structure;
        this.seed = scenario.seed();
        this.horizon = scenario.horizonMonths();
        this.inputs = inputs;
        this.marketing = marketing;
        this.funnel = funnel;
        this.sales = sales;
        this.onboarding = onboarding;
        this.retention = retention;
        this.finance = finance;
        this.policy = policy;
        this.backlogThreshold = scenario.onboarding().backlogThreshold();
    }

    /** Compiles {@code scenario} under its active structure. */
    public static CompiledModel of(Scenario scenario) {
        return ModelCompiler.compile(scenario, scenario.structure());
    }

    /** Compiles {@code scenario} under the named structure. */
    public static CompiledModel of(Scenario scenario, String structure) {
        return ModelCompiler.compile(scenario, structure);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Name of the reporting structure this model runs. */
    public String structure() {
        return structure;
    }

    public int horizon() {
        return horizon;
    }

    public long seed() {
        return seed;
    }

    public Inputs inputs() {
        return inputs;
    }

    /** Backlog above which a month counts as a crunch (customers). */
    public double backlogThreshold() {
        return backlogThreshold;
    }

    /** A fresh, reusable trial state for one worker. */
    public TrialState newState() {
        return new TrialState(horizon, inputs.slots(), sales.maxLag(), marketing.channels());
    }

    /** The kernel for this model. Stateless; safe to share. */
    public TrialKernel kernel() {
        return new TrialKernel(this);
    }
}
