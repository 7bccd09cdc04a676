package dev.interlock.engine.model;

import dev.interlock.engine.random.Draws;

/**
 * MODEL.md section 2, sales capacity and wins, month t:
 * <pre>
 *   C(t)   = ⌊ Σ_reps capacity per rep × ramp factor ⌋        ramp factor of a rep in their k-th month = min(1, k/R)
 *   W(t)   = min(Q(t) + U(t), C(t))                           worked
 *   U(t+1) ~ Binomial(Q(t) + U(t) − W(t), 1 − decay)          unworked leads go cold
 *   wins   ~ Binomial(W(t), min(1, p_win · a))                a = the structure's win-rate multiplier
 *   closes of months t, t+1, … ~ Multinomial(wins, sales-cycle pmf)   (sequential binomials)
 * </pre>
 * Draws use streams (DECAY, t), (WIN, t) and (LAG, t).
 */
final class Sales {
    private final double[] rampedReps;   // Σ reps × ramp factor, per month (planned hires only)
    private final int[] headcount;
    private final double costPerRep;
    private final int perRepSlot;
    private final int winSlot;
    private final int multiplierSlot;
    private final int decaySlot;
    private final double[] lagConditional;  // P(lag = j | lag ≥ j)

    Sales(double[] rampedReps, int[] headcount, double costPerRep, int perRepSlot, int winSlot,
          int multiplierSlot, int decaySlot, double[] lagPmf) {
        this.rampedReps = rampedReps;
        this.headcount = headcount;
        this.costPerRep = costPerRep;
        this.perRepSlot = perRepSlot;
        this.winSlot = winSlot;
        this.multiplierSlot = multiplierSlot;
        this.decaySlot = decaySlot;
        this.lagConditional = new double[lagPmf.length];
        double rest = 1;
        for (int j = 0; j < lagPmf.length; j++) {
            lagConditional[j] = rest <= 1e-15 ? 1 : Math.min(1, lagPmf[j] / rest);
            rest -= lagPmf[j];
        }
        lagConditional[lagPmf.length - 1] = 1;
    }

    int maxLag() {
        return lagConditional.length - 1;
    }

    /** Sales capacity in month t for a per-rep capacity. */
    long capacity(int t, double perRep) {
        return (long) Math.floor(rampedReps[t] * perRep + 1e-9);
    }

    /**
     * Most leads kept waiting for sales (docs/model.md, limits): far beyond any business, and it keeps every count
     * that follows (queue, wins, closes, backlog cohorts) under the samplers' 10^15 over a 600-month horizon.
     */
    static final long MAX_QUEUE = 100_000_000_000_000L;

    void start(TrialState s) {
        s.perRepCapacity = s.param[perRepSlot];
        s.winP = Math.min(1, s.param[winSlot] * s.param[multiplierSlot]);
        s.keepUnworkedP = 1 - s.param[decaySlot];
        s.unworked = 0;
        java.util.Arrays.fill(s.pending, 0);
    }

    void step(TrialState s, int t) {
        long cap = capacity(t, s.perRepCapacity);
        long queue = s.qualified + s.unworked;
        long worked = Math.min(queue, cap);
        long waiting = Math.min(queue - worked, MAX_QUEUE);   // beyond it, leads go cold: no team works 10^14
        long unworked = waiting == 0 ? 0 : s.stream(StreamId.DECAY, t, 0).binomial(waiting, s.keepUnworkedP);
        long wins = worked == 0 ? 0 : s.stream(StreamId.WIN, t, 0).binomial(worked, s.winP);
        if (wins > 0) {
            Draws lag = s.stream(StreamId.LAG, t, 0);
            long left = wins;
            for (int j = 0; j < lagConditional.length && left > 0; j++) {
                long k = j == lagConditional.length - 1 ? left : lag.binomial(left, lagConditional[j]);
                s.pending[t + j] += k;
                left -= k;
            }
        }
        s.unworked = unworked;
        s.closes = s.pending[t];
        s.salesCost = headcount[t] * costPerRep;
        s.set(Metric.SALES_CAPACITY, t, cap);
        s.set(Metric.WORKED, t, worked);
        s.set(Metric.UNWORKED, t, unworked);
        s.set(Metric.SALES_GAP, t, (double) queue - cap);
        s.set(Metric.WINS, t, wins);
        s.set(Metric.CLOSES, t, s.closes);
        s.set(Metric.REPS, t, headcount[t]);
    }
}
