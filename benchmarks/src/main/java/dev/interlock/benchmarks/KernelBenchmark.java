package dev.interlock.benchmarks;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Inputs;
import dev.interlock.engine.model.TrialKernel;
import dev.interlock.engine.model.TrialState;
import dev.interlock.engine.random.DrawTrace;
import dev.interlock.engine.random.Draws;
import dev.interlock.engine.random.StreamRng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One trial of the reference scenario, single-threaded, against its RNG floor (issue 8, items 1 and 2).
 * One operation is one trial; the score is microseconds per trial, averaged over trials 0 … 199.
 *
 * <ul>
 *   <li>{@code kernel}: {@link TrialKernel#run} — parameters, the seven stages over 60 months, the
 *       per-trial summary; everything except statistics.</li>
 *   <li>{@code floor}: exactly the random variates the same 200 trials draw, with no model: the
 *       parameter draws (one uniform and one inverse CDF per uncertain input, {@link Inputs}) and a
 *       replay of the recorded process-noise trace ({@link DrawTrace}): every stream reset with its key,
 *       every Poisson/binomial/gamma call with its parameters, on the same {@link StreamRng} and
 *       {@link Draws}. Set-up checks that the replay reproduces every recorded variate bit for bit.</li>
 *   <li>{@code trace-walk}: reads the trace as the replay does but draws nothing: the part of the floor
 *       that is the replay's own bookkeeping (so the true floor is at most {@code floor}, at least
 *       {@code floor - trace-walk}).</li>
 * </ul>
 * The headline figure is kernel / floor. {@code -prof gc} shows the bytes allocated per trial (≈ 0).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KernelBenchmark -prof gc} from the repository
 * root (or {@code bash benchmarks/run.sh} for every figure of RESULTS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KernelBenchmark {
    /** Trials averaged over (trial indices 0 … TRIALS − 1). */
    public static final int TRIALS = 200;

    @Param({"floor", "kernel", "trace-walk"})
    public String work;

    private CompiledModel model;
    private TrialKernel kernel;
    private TrialState state;
    private double[] u;
    private double[] param;
    private DrawTrace trace;
    private StreamRng[] rngs;
    private Draws[] draws;
    private int mode;

    @Setup
    public void setUp() {
        model = Reference.model();
        kernel = model.kernel();
        state = model.newState();
        u = new double[model.inputs().uncertainCount()];
        param = new double[model.inputs().slots()];
        trace = record(model, TRIALS);
        rngs = new StreamRng[TrialState.streamCount()];
        draws = new Draws[rngs.length];
        for (int i = 0; i < rngs.length; i++) {
            rngs[i] = new StreamRng();
            draws[i] = new Draws(rngs[i]);
        }
        for (int t = 0; t < TRIALS; t++) {
            trace.replay(t, rngs, draws, true);
        }
        mode = switch (work) {
            case "floor" -> 0;
            case "kernel" -> 1;
            case "trace-walk" -> 2;
            default -> throw new IllegalArgumentException(work);
        };
    }

    /** Records the process-noise draws of trials 0 … trials − 1. */
    static DrawTrace record(CompiledModel model, int trials) {
        TrialKernel k = model.kernel();
        TrialState s = model.newState();
        DrawTrace trace = new DrawTrace();
        s.recordDraws(trace);
        double[] uu = new double[model.inputs().uncertainCount()];
        for (int t = 0; t < trials; t++) {
            trace.beginTrial();
            k.runPlain(t, s, uu);
        }
        return trace;
    }

    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public double trial() {
        double acc = 0;
        long seed = model.seed();
        Inputs in = model.inputs();
        switch (mode) {
            case 0 -> {
                for (int t = 0; t < TRIALS; t++) {
                    in.fillUniforms(seed, t, u);
                    in.apply(u, param);
                    acc += param[0] + trace.replay(t, rngs, draws, false);
                }
            }
            case 1 -> {
                for (int t = 0; t < TRIALS; t++) {
                    kernel.runPlain(t, state, u);
                    acc += state.summary()[0];
                }
            }
            default -> {
                for (int t = 0; t < TRIALS; t++) {
                    acc += trace.walk(t);
                }
            }
        }
        return acc;
    }
}
