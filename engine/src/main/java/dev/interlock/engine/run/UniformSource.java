package dev.interlock.engine.run;

import dev.interlock.engine.model.CompiledModel;

/**
 * Where a trial's input uniforms come from (MODEL.md section 7). Plain Monte Carlo draws them from the
 * trial's own key; a tornado driver fixes one entry; Latin hypercube, Sobol and copula drivers fill
 * them by their own rule. Must be a pure function of its arguments and thread-safe.
 */
@FunctionalInterface
public interface UniformSource {
    /** Plain Monte Carlo. */
    UniformSource PLAIN = (model, variant, trial, u) -> model.inputs().fillUniforms(model.seed(), trial, u);

    void fill(CompiledModel model, int variant, long trial, double[] u);
}
