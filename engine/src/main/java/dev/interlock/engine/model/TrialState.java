package dev.interlock.engine.model;

import dev.interlock.engine.random.DrawTrace;
import dev.interlock.engine.random.Draws;
import dev.interlock.engine.random.LifetimeTable;
import dev.interlock.engine.random.StreamRng;
import dev.interlock.engine.random.Streams;

/**
 * Everything one trial changes, in primitive arrays sized once per worker and reset at the start of
 * each trial, so that the month loop allocates nothing. Only the kernel's stages write it.
 */
public final class TrialState {
    final int horizon;
    long trial;

    // parameters of this trial (Inputs slots)
    final double[] param;

    // outputs: out[metric * H + t], summary[Summary.ordinal()]
    final double[] out;
    final double[] summary;

    // random streams, one generator and draw routine per purpose
    final StreamRng[] rng = new StreamRng[StreamId.COUNT];
    final Draws[] draws = new Draws[StreamId.COUNT];
    /** {@link Streams#purposeKey} of this trial, per purpose: set by {@link #beginTrial}. */
    private final long[] purposeKey = new long[StreamId.COUNT];
    /** Null except while recording draws for the RNG-floor benchmark ({@link #recordDraws}). */
    private DrawTrace trace;

    // marketing
    final double[] effectiveSpend;
    double paceFactor;
    // operations' running record of the funnel so far (MODEL.md section 6, visibility v > 0)
    double seenQualified;
    double seenPlanQualified;
    double seenWins;
    double seenWorked;
    double seenCapacity;
    double seenPlanCapacity;
    final double[] seenEffective;     // per channel: effective spend of the spend actually made, for the plan's model
    final double[] aheadEffective;    // per channel: scratch for the forecast's months ahead
    double spend;
    long leads;

    // funnel and sales
    double handoff;
    double qualifyP;
    double winP;
    double keepUnworkedP;
    double perRepCapacity;
    long qualified;
    long unworked;
    long closes;
    final long[] pending;          // closes scheduled per month (index t), length H + max lag

    // onboarding
    final int[] staffArrivals;      // people arriving per month: planned + policy hires
    double perStaffCapacity;
    double waitChurnP;
    long backlog;
    final long[] waiting;           // customers waiting, by the month they closed (FIFO)
    int waitingHead;
    long goLives;
    long churnedWaiting;
    double backlogMrr;              // MRR of waiting customers (only with revenue_starts: close)
    double goLiveMrrPerCustomer;
    double totalWaitMonths;
    long staffHeadcount;

    // retention and revenue
    final double[] survival;        // survival[τ] = P(survive from tenure τ to τ+1)
    final LifetimeTable lifetimes;  // customers' lifetimes in months, from survival (per trial)
    final int[] lifetimeCounts;     // scratch: one cohort's customers by lifetime
    final long[] churnAt;           // churnAt[t]: live customers scheduled to churn in month t
    final double[] mrrLostAt;       // mrrLostAt[t]: the MRR they carry in month t
    final double[] growthPower;     // growthPower[k] = (1 + expansion)^k
    double expansion;
    double acvMean;
    long active;
    long churned;
    double mrr;
    double customerMonths;

    // finance
    double margin;
    double overhead;
    double cumulativeProfit;
    double salesCost;

    TrialState(int horizon, int slots, int maxLag, int channels) {
        this.horizon = horizon;
        this.param = new double[slots];
        this.out = new double[Metric.COUNT * horizon];
        this.summary = new double[Summary.COUNT];
        for (int i = 0; i < StreamId.COUNT; i++) {
            rng[i] = new StreamRng();
            draws[i] = new Draws(rng[i]);
        }
        this.effectiveSpend = new double[channels];
        this.seenEffective = new double[channels];
        this.aheadEffective = new double[channels];
        this.pending = new long[horizon + maxLag + 1];
        this.staffArrivals = new int[horizon + 1];
        this.waiting = new long[horizon];
        this.survival = new double[horizon + 1];
        this.lifetimes = new LifetimeTable(horizon);
        this.lifetimeCounts = new int[horizon + 2];
        this.churnAt = new long[horizon + 1];
        this.mrrLostAt = new double[horizon + 1];
        this.growthPower = new double[horizon + 1];
    }

    /** The trial's per-month outputs, metric-major: {@code out[metric.ordinal() * horizon + t]}. Read-only. */
    public double[] out() {
        return out;
    }

    /** The trial's summary figures, indexed by {@link Summary#ordinal()}. Read-only. */
    public double[] summary() {
        return summary;
    }

    public int horizon() {
        return horizon;
    }

    /** The value of one metric in month t (0-based) of the last trial run. */
    public double value(Metric m, int t) {
        return out[m.ordinal() * horizon + t];
    }

    void set(Metric m, int t, double v) {
        out[m.ordinal() * horizon + t] = v;
    }

    /** Number of stream ids (purposes): the length of the arrays {@link DrawTrace#replay} needs. */
    public static int streamCount() {
        return StreamId.COUNT;
    }

    /**
     * Benchmark hook: from now on, record every stream reset and every draw of this state's trials into
     * {@code trace} (or stop recording, with {@code null}). The variates drawn are unchanged; only the RNG-
     * floor benchmark uses this (see {@link DrawTrace}). Allocates while recording.
     *
     * @param trace where to record, or {@code null} for the ordinary, non-recording draws
     */
    public void recordDraws(DrawTrace trace) {
        this.trace = trace;
        for (int i = 0; i < StreamId.COUNT; i++) {
            draws[i] = trace == null ? new Draws(rng[i]) : Draws.recording(rng[i], trace, i);
        }
    }

    /** Starts trial {@code trial} of a run with seed {@code seed}: derives its streams' key prefixes. */
    void beginTrial(long seed, long trial) {
        this.trial = trial;
        for (int p = 0; p < StreamId.COUNT; p++) {
            purposeKey[p] = Streams.purposeKey(seed, trial, p);
        }
    }

    /**
     * Reseeds a purpose's generator for month t with the key {@code Streams.key(seed, trial, purpose, t,
     * sub)} and returns its draw routine. Stages call it only when they are about to draw (a reset
     * without draws would change nothing).
     */
    Draws stream(int purpose, int t, int sub) {
        long key = Streams.monthKey(purposeKey[purpose], t, sub);
        rng[purpose].reset(key);
        if (trace != null) {
            trace.recordReset(purpose, key);
        }
        return draws[purpose];
    }
}
