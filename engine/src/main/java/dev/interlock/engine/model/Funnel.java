package dev.interlock.engine.model;

/**
 * MODEL.md section 2, handoff: qualified Q(t) ~ Binomial(ΣN_c(t), h · p_qual), where h is the
 * structure's handoff quality and p_qual the lead-to-qualified rate, both drawn once per trial.
 * Draws use stream (QUALIFY, t).
 */
final class Funnel {
    private final int qualSlot;
    private final int handoffSlot;

    Funnel(int qualSlot, int handoffSlot) {
        this.qualSlot = qualSlot;
        this.handoffSlot = handoffSlot;
    }

    void start(TrialState s) {
        s.handoff = s.param[handoffSlot];
        s.qualifyP = Math.min(1, s.handoff * s.param[qualSlot]);
    }

    void step(TrialState s, int t) {
        long q = s.leads == 0 ? 0 : s.stream(StreamId.QUALIFY, t, 0).binomial(s.leads, s.qualifyP);
        s.qualified = q;
        s.set(Metric.QUALIFIED, t, q);
    }
}
