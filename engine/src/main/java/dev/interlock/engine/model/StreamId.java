package dev.interlock.engine.model;

/**
 * Purposes of the process-noise streams (MODEL.md section 7, "streams split by purpose"). Each
 * month, each purpose's generator is reseeded from (seed, trial, purpose, month, sub), so a change in
 * how many draws one stage makes (say, a structure with a better handoff qualifies more leads) cannot
 * shift any other stage's draws, nor the same stage's draws in any other month. Values are part of the
 * reproducibility contract: changing one changes every result.
 */
final class StreamId {
    static final int LEADS = 1;          // sub = channel index
    static final int QUALIFY = 2;
    static final int DECAY = 3;
    static final int WIN = 4;
    static final int LAG = 5;
    static final int WAIT_CHURN = 6;
    static final int SURVIVAL = 7;
    static final int DEAL_SIZE = 8;
    static final int COUNT = 9;

    private StreamId() {
    }
}
