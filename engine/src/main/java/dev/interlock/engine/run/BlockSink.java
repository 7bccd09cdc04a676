package dev.interlock.engine.run;

/**
 * Receives every trial's summary figures, one block at a time, in trial order, on one thread. Used by
 * the trials.csv writer and by drivers that pair trials across variants (compare).
 */
@FunctionalInterface
public interface BlockSink {
    BlockSink NONE = (first, count, summaries) -> { };

    /**
     * @param firstTrial index of the block's first trial
     * @param count      trials in the block
     * @param summaries  {@code summaries[variant][i * Summary.COUNT + k]}: figure k of trial firstTrial + i
     */
    void accept(long firstTrial, int count, double[][] summaries) throws Exception;

    /**
     * The per-month values of the metrics a driver asked the runner to capture (see
     * {@link Runner#capture}), called just before {@link #accept} for the same block.
     *
     * @param monthly {@code monthly[variant][(i * captured.length + j) * horizon + t]}: metric
     *                {@code captured[j]} in month t of trial firstTrial + i
     */
    default void acceptMonthly(long firstTrial, int count, double[][] monthly) throws Exception {
    }
}
