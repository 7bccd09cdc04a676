package dev.interlock.engine.run;

import dev.interlock.engine.stats.Stats;
import java.util.List;

/**
 * What a run produced: one {@link Stats} per variant (in the order given), the trial count and the
 * wall time of the simulation alone.
 */
public record RunResult(List<Stats> variants, long trials, double seconds) {
    public RunResult {
        variants = List.copyOf(variants);
    }

    public Stats first() {
        return variants.get(0);
    }
}
