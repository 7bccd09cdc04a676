package dev.interlock.benchmarks;

import dev.interlock.engine.random.Draws;
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
 * Small-mean binomial inversion at the sizes the reference scenario draws (TraceCensus): waiting customers
 * who walk away (n ≈ 33, p = 0.05), closing-lag splits (n ≈ 20, p ≈ 0.2–0.5), and a survival-like draw
 * (n = 12, p = 0.95, drawn as 12 − Binomial(12, 0.05)). {@code engine} is {@link Draws#binomial} (BINV
 * from q^n by multiplication; with one (n, p) drawn over and over, as here, it counts against the tabled
 * cdf after the second draw); {@code expLog1p} is BINV starting from {@code exp(n log1p(−p))} and dividing
 * in the recurrence, as the engine did before issue 8. One operation = one variate.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SamplerBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplerBenchmark {
    @Param({"12:0.95", "33:0.05", "20:0.2"})
    public String binomial;

    private long n;
    private double p;
    private StreamRng rng;
    private Draws draws;

    @Setup
    public void setUp() {
        String[] np = binomial.split(":");
        n = Long.parseLong(np[0]);
        p = Double.parseDouble(np[1]);
        rng = new StreamRng();
        rng.reset(42);
        draws = new Draws(rng);
    }

    @Benchmark
    public long engine() {
        return draws.binomial(n, p);
    }

    @Benchmark
    public long expLog1p() {
        return p > 0.5 ? n - inversionExpLog1p(rng, n, 1 - p) : inversionExpLog1p(rng, n, p);
    }

    /** The engine's BINV before issue 8 (verbatim but for the generator type). */
    static long inversionExpLog1p(StreamRng rng, long n, double p) {
        final double q = 1 - p;
        final double s = p / q;
        final double a = (n + 1.0) * s;
        final double f0 = Math.exp(n * Math.log1p(-p));
        draw:
        while (true) {
            final double u = rng.nextDouble();
            double f = f0;
            double cdf = f0;
            long x = 0;
            while (u >= cdf) {
                if (x == n) {
                    continue draw;
                }
                x++;
                f *= a / x - s;
                final double next = cdf + f;
                if (next <= cdf) {
                    continue draw;
                }
                cdf = next;
            }
            return x;
        }
    }
}
