package dev.interlock.engine.model;

import dev.interlock.engine.random.Draws;

/**
 * MODEL.md section 1, marketing → leads, per channel c and month t:
 * <pre>
 *   S_c(t) = planned spend × pace factor            (pace factor from the spend-pacing policy, 1 by default)
 *   E_c(t) = (1 − λ_c)·S_c(t) + λ_c·E_c(t−1),  E_c(−1) = planned S_c(0)      (carry-over, adstock)
 *   μ_c(t) = E_c(t) / cpl_c                           (linear response)
 *          = max_c · E^s / (K^s + E^s)                (Hill response)
 *   N_c(t) ~ Poisson(μ_c(t))  or  NegBin(mean μ, variance μ + d·μ²) when dispersion d > 0
 * </pre>
 * Spend in currency per month; leads per month. Lead draws use stream (LEADS, t, hash of the channel's
 * name), so reordering or adding channels leaves each channel's lead noise unchanged.
 */
final class Marketing {
    /**
     * Expected leads per channel and month are capped at 10^12. The loader keeps planned spend at most
     * 10^15 a month and Hill's max_leads at most 10^12, so only an extreme draw of cost per lead (far
     * below a cent per lead) can reach the cap.
     */
    static final double MAX_EXPECTED_LEADS = 1e12;

    private final int channels;
    private final double[][] planned;     // [c][t], before pacing
    private final double[] carryover;
    private final boolean[] hill;
    private final int[] cplSlot;          // linear
    private final int[] maxSlot;          // hill
    private final int[] halfSlot;
    private final int[] shapeSlot;
    private final double[] dispersion;
    private final int[] streamSub;        // lead noise keyed by channel name, not position

    Marketing(String[] names, double[][] planned, double[] carryover, boolean[] hill, int[] cplSlot, int[] maxSlot,
              int[] halfSlot, int[] shapeSlot, double[] dispersion) {
        this.streamSub = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            streamSub[c] = (int) dev.interlock.engine.random.Streams.hashName(names[c]);
        }
        this.channels = planned.length;
        this.planned = planned;
        this.carryover = carryover;
        this.hill = hill;
        this.cplSlot = cplSlot;
        this.maxSlot = maxSlot;
        this.halfSlot = halfSlot;
        this.shapeSlot = shapeSlot;
        this.dispersion = dispersion;
    }

    int channels() {
        return channels;
    }

    double planned(int c, int t) {
        return planned[c][t];
    }

    void start(TrialState s) {
        for (int c = 0; c < channels; c++) {
            s.effectiveSpend[c] = planned[c][0];
        }
        s.paceFactor = 1;
    }

    /** Sets {@code effective} to where every channel's effective spend starts: its first month's planned spend. */
    void startEffective(double[] effective) {
        for (int c = 0; c < channels; c++) {
            effective[c] = planned[c][0];
        }
    }

    /**
     * One month of marketing under parameters {@code param} without the draws: advances {@code effective} (one
     * value per channel) by month t's planned spend × {@code pace} and returns the expected leads, as
     * {@link #step} computes them. Operations' plan runs this with central values (section 6).
     */
    double expectedMonth(double[] effective, int t, double pace, double[] param) {
        double leads = 0;
        for (int c = 0; c < channels; c++) {
            double lambda = carryover[c];
            double e = (1 - lambda) * planned[c][t] * pace + lambda * effective[c];
            effective[c] = e;
            leads += Math.min(MAX_EXPECTED_LEADS, expectedLeads(c, e, param));
        }
        return leads;
    }

    /** Expected leads of channel c at effective spend e under this trial's parameters (or central ones). */
    double expectedLeads(int c, double e, double[] param) {
        if (!hill[c]) {
            return e / param[cplSlot[c]];
        }
        double k = param[halfSlot[c]];
        double sh = param[shapeSlot[c]];
        if (e <= 0) {
            return 0;
        }
        double ratio = Math.pow(k / e, sh);     // K^s / E^s, stable for large E
        return param[maxSlot[c]] / (1 + ratio);
    }

    void step(TrialState s, int t) {
        double spend = 0;
        long leads = 0;
        for (int c = 0; c < channels; c++) {
            double sp = planned[c][t] * s.paceFactor;
            double lambda = carryover[c];
            double e = (1 - lambda) * sp + lambda * s.effectiveSpend[c];
            s.effectiveSpend[c] = e;
            double mu = Math.min(MAX_EXPECTED_LEADS, expectedLeads(c, e, s.param));
            if (mu > 0) {
                Draws d = s.stream(StreamId.LEADS, t, streamSub[c]);
                leads += dispersion[c] > 0 ? d.negativeBinomial(mu, dispersion[c]) : d.poisson(mu);
            }
            spend += sp;
        }
        s.spend = spend;
        s.leads = leads;
        s.set(Metric.SPEND, t, spend);
        s.set(Metric.LEADS, t, leads);
    }
}
