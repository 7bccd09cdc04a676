package dev.interlock.benchmarks;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.random.DrawTrace;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What one trial of the reference scenario draws: per operation and stream, how many calls and which
 * algorithm the engine picks for them (by the Poisson mean, or the binomial's n and n·min(p, 1−p)), with
 * the mean binomial n. Averages over the same 200 trials as {@link KernelBenchmark}. Informs which samplers
 * matter at which sizes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.interlock.benchmarks.TraceCensus</pre>
 */
public final class TraceCensus {
    private TraceCensus() {
    }

    private static final String[] STREAMS = {"?", "leads", "qualify", "decay", "win", "lag", "wait_churn", "survival",
        "deal_size"};

    public static void main(String[] args) {
        CompiledModel model = Reference.model();
        int trials = KernelBenchmark.TRIALS;
        DrawTrace trace = KernelBenchmark.record(model, trials);
        TreeMap<String, long[]> rows = new TreeMap<>();
        for (int i = 0; i < trace.size(); i++) {
            byte op = trace.op(i);
            int s = trace.stream(i);
            String size = "";
            if (op == DrawTrace.BINOMIAL) {
                long n = trace.whole(i);
                double p = trace.parameter(i);
                double m = n * Math.min(p, 1 - p);
                // the engine's rule (Draws.binomialSmallP)
                size = n == 0 || p == 0 || p == 1 ? "trivial"
                        : m < (n <= 255 ? 20 : 10) ? "inversion" : "BTRD";
            } else if (op == DrawTrace.POISSON) {
                size = trace.parameter(i) < 10 ? "inversion" : "PTRS";
            } else if (op == DrawTrace.LIFETIME) {
                size = "guide table";
            }
            String key = String.format(Locale.ROOT, "%-9s %-11s %s", DrawTrace.name(op),
                    s < STREAMS.length ? STREAMS[s] : "" + s, size);
            long[] c = rows.computeIfAbsent(key, k -> new long[2]);
            c[0] += trace.multiplicity(i);
            if (op == DrawTrace.BINOMIAL) {
                c[1] += trace.whole(i);
            }
        }
        System.out.printf(Locale.ROOT, "%-40s %12s %10s%n", "operation stream algorithm", "per trial", "mean n");
        for (var e : rows.entrySet()) {
            long[] c = e.getValue();
            System.out.printf(Locale.ROOT, "%-40s %12.1f %10s%n", e.getKey(), c[0] / (double) trials,
                    c[1] > 0 ? String.format(Locale.ROOT, "%.1f", c[1] / (double) c[0]) : "");
        }
        long ops = 0;
        for (int i = 0; i < trace.size(); i++) {
            ops += trace.multiplicity(i);
        }
        System.out.printf(Locale.ROOT, "%-40s %12.1f%n", "all operations", ops / (double) trials);
        System.out.printf(Locale.ROOT, "%-40s %12.1f%n", "trace records (a cohort's lifetimes: one)",
                trace.size() / (double) trials);
    }
}
