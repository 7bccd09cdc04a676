package dev.interlock.benchmarks;

import dev.interlock.engine.random.Draws;
import dev.interlock.engine.random.LifetimeTable;
import dev.interlock.engine.random.StreamRng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two ways retention draws when a cohort's customers churn (model/Retention), per cohort, under the
 * reference scenario's sBG (α = 0.9, β = 14): {@code perCustomer}, how many churn within the months left
 * (one binomial), then one lifetime each from the conditional distribution by a guide table;
 * {@code perMonth}, sequential binomials over the months left (a multinomial). Cohorts "n:left":
 * n customers, left months of horizon. The crossover sets {@code Retention.PER_CUSTOMER_PER_MONTH}. One
 * operation = one cohort.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChurnBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChurnBenchmark {
    @Param({"24:59", "24:12", "120:59", "120:30"})
    public String cohort;

    private int n;
    private int left;
    private final double[] survival = new double[61];
    private final LifetimeTable table = new LifetimeTable(60);
    private final long[] churnAt = new long[62];
    private Draws draws;

    @Setup
    public void setUp() {
        String[] c = cohort.split(":");
        n = Integer.parseInt(c[0]);
        left = Integer.parseInt(c[1]);
        for (int k = 1; k <= 60; k++) {
            survival[k] = (14 + k - 1) / (0.9 + 14 + k - 1);
        }
        table.set(survival, 60);
        StreamRng rng = new StreamRng();
        rng.reset(7);
        draws = new Draws(rng);
    }

    @Benchmark
    public long perCustomer() {
        long churning = draws.binomial(n, table.probabilityWithin(left));
        for (long i = 0; i < churning; i++) {
            churnAt[draws.lifetimeWithin(table, left)]++;
        }
        return churnAt[1];
    }

    @Benchmark
    public long perMonth() {
        long live = n;
        for (int k = 1; k <= left && live > 0; k++) {
            long gone = draws.binomial(live, 1 - survival[k]);
            churnAt[k] += gone;
            live -= gone;
        }
        return churnAt[1];
    }
}
