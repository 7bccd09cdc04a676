package dev.interlock.engine.model;

import dev.interlock.engine.random.Draws;

/**
 * MODEL.md section 3, operations, month t:
 * <pre>
 *   D(t)   = B(t−1) + closes(t)                                   demand, customers
 *   K_o(t) = ⌊ Σ_staff customers per staff-month × ramp factor ⌋   capacity; ramp factor in a hire's k-th month = min(1, k/R)
 *   G(t)   = min(D(t), K_o(t))                                    go-lives, oldest closes first (FIFO)
 *   B(t)   = D(t) − G(t) − churned while waiting                  each waiting customer leaves with p = churn_while_waiting
 *   gap(t) = D(t) − K_o(t)                                        positive = operations short
 * </pre>
 * Waiting customers are tracked by the month they closed, so each go-live's wait (months from close
 * to go-live) is measured directly; Little's law (mean backlog = throughput × mean wait) is a test of
 * the model, not an assumption in it. Waiting churn is drawn per close-month group from stream
 * (WAIT_CHURN, t); deal sizes from (DEAL_SIZE, t).
 *
 * <p>Each customer's annual contract value (ACV) is gamma-distributed across customers with the
 * scenario's mean and sd, so a group of n customers has a mean ACV ~ Gamma(n·k, θ/n) (k = mean²/sd²,
 * θ = sd²/mean): exact mean and variance for the group's size from one draw. MRR per customer = ACV/12.
 * With {@code revenue_starts: go_live} the draw happens at go-live; with {@code close}, at close, and
 * waiting customers are billed from their close month.
 */
final class Onboarding {
    private final int initialStaff;
    private final int[] plannedArrivals;
    private final int rampMonths;
    private final double costPerStaff;
    private final int perStaffSlot;
    private final int waitChurnSlot;
    private final boolean revenueAtClose;
    private final double acvSd;
    private final int acvSlot;

    Onboarding(int initialStaff, int[] plannedArrivals, int rampMonths, double costPerStaff,
               int perStaffSlot, int waitChurnSlot, boolean revenueAtClose, int acvSlot, double acvSd) {
        this.initialStaff = initialStaff;
        this.plannedArrivals = plannedArrivals;
        this.rampMonths = rampMonths;
        this.costPerStaff = costPerStaff;
        this.perStaffSlot = perStaffSlot;
        this.waitChurnSlot = waitChurnSlot;
        this.revenueAtClose = revenueAtClose;
        this.acvSd = acvSd;
        this.acvSlot = acvSlot;
    }

    double costPerStaff() {
        return costPerStaff;
    }

    boolean revenueAtClose() {
        return revenueAtClose;
    }

    void start(TrialState s) {
        System.arraycopy(plannedArrivals, 0, s.staffArrivals, 0, plannedArrivals.length);
        s.perStaffCapacity = s.param[perStaffSlot];
        s.waitChurnP = s.param[waitChurnSlot];
        s.acvMean = s.param[acvSlot];
        s.backlog = 0;
        java.util.Arrays.fill(s.waiting, 0);
        s.waitingHead = 0;
        s.backlogMrr = 0;
        s.totalWaitMonths = 0;
        s.staffHeadcount = initialStaff;
    }

    /** Mean MRR per customer of a group of n new customers; draws (if at all) from stream (DEAL_SIZE, t, sub). */
    double groupMrr(TrialState s, int t, int sub, long n, double acvMean) {
        if (n <= 0) {
            return 0;
        }
        if (acvSd <= 0) {
            return acvMean / 12;
        }
        double k = acvMean * acvMean / (acvSd * acvSd);
        double theta = acvSd * acvSd / acvMean;
        return s.stream(StreamId.DEAL_SIZE, t, sub).gamma(n * k) * theta / n / 12;
    }

    void step(TrialState s, int t) {
        s.staffHeadcount += s.staffArrivals[t];
        double ramped = s.staffHeadcount;
        if (rampMonths > 0) {
            for (int k = 0; k < rampMonths && k <= t; k++) {
                ramped -= s.staffArrivals[t - k] * (1 - Math.min(1.0, (k + 1) / (double) rampMonths));
            }
        }
        long capacity = (long) Math.floor(ramped * s.perStaffCapacity + 1e-9);
        long closes = s.closes;
        if (revenueAtClose && closes > 0) {
            s.backlogMrr += closes * groupMrr(s, t, 1, closes, s.acvMean);
        }
        s.waiting[t] = closes;
        long demand = s.backlog + closes;
        long goLives = Math.min(demand, capacity);
        double meanBacklogMrr = demand > 0 ? s.backlogMrr / demand : 0;

        long toGo = goLives;
        int head = s.waitingHead;
        while (toGo > 0) {
            long take = Math.min(toGo, s.waiting[head]);
            if (take == 0 && head >= t) {
                break; // unreachable while Σ waiting = demand; guards the loop all the same
            }
            s.waiting[head] -= take;
            s.totalWaitMonths += (double) take * (t - head);
            toGo -= take;
            if (s.waiting[head] == 0 && head < t) {
                head++;
            }
        }
        while (head < t && s.waiting[head] == 0) {
            head++;
        }
        s.waitingHead = head;

        long lost = 0;
        if (s.waitChurnP > 0 && demand > goLives) {
            Draws d = s.stream(StreamId.WAIT_CHURN, t, 0);
            for (int j = head; j <= t; j++) {
                long n = s.waiting[j];
                if (n > 0) {
                    long k = d.binomial(n, s.waitChurnP);
                    s.waiting[j] = n - k;
                    lost += k;
                }
            }
        }
        s.backlog = demand - goLives - lost;
        s.goLives = goLives;
        s.churnedWaiting = lost;
        if (revenueAtClose) {
            s.goLiveMrrPerCustomer = meanBacklogMrr;
            s.backlogMrr = Math.max(0, s.backlogMrr - meanBacklogMrr * (goLives + lost));
            if (s.backlog == 0) {
                s.backlogMrr = 0;
            }
        } else {
            s.goLiveMrrPerCustomer = groupMrr(s, t, 0, goLives, s.acvMean);
        }
        s.set(Metric.ONBOARDING_DEMAND, t, demand);
        s.set(Metric.ONBOARDING_CAPACITY, t, capacity);
        s.set(Metric.ONBOARDING_GAP, t, (double) demand - capacity);
        s.set(Metric.BACKLOG, t, s.backlog);
        s.set(Metric.GO_LIVES, t, goLives);
        s.set(Metric.CHURNED_WAITING, t, lost);
        s.set(Metric.ONBOARDING_STAFF, t, s.staffHeadcount);
    }
}
