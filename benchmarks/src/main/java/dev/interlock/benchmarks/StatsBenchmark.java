package dev.interlock.benchmarks;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.TrialKernel;
import dev.interlock.engine.model.TrialState;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.stats.Moments;
import dev.interlock.engine.stats.Quantiles;
import dev.interlock.engine.stats.Stats;
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
 * Recording one trial's monthly outputs (25 metrics × 60 months of the reference scenario, real values from
 * 200 trials) into the run's statistics. One operation = one trial. {@code moments}: {@link Moments} (a
 * fresh block every {@value Runner#BLOCK} trials, as the runner does); {@code quantiles}: {@link Quantiles};
 * {@code by-trial}: both, one trial at a time (the runner before it recorded by cell); {@code by-cell}: both,
 * as the runner records them, 32 trials held by cell and added a cell at a time ({@code addColumns});
 * {@code ddsketch-log}: the library's {@code DDSketches.unboundedDense(0.005)} per cell (logarithmic
 * mapping, the engine's choice before issue 8).
 *
 * <p>Nothing else runs between recordings here, so the counts stay in cache far better than in a run,
 * where each trial's kernel work comes in between; the runner's own figure ({@link RunnerBenchmark} minus
 * {@link KernelBenchmark}) is the one that counts.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StatsBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StatsBenchmark {
    static final int TRIALS = 200;
    /** As the runner's {@code Runner.COLUMN_TRIALS}. */
    static final int COLUMN_TRIALS = 32;

    @Param({"moments", "quantiles", "by-trial", "by-cell", "ddsketch-log"})
    public String recorder;

    private double[][] outs;
    private Moments moments;
    private int inBlock;
    private double[] thresholds;
    private Quantiles quantiles;
    private DDSketch[] sketches;
    private double[] columns;
    private int buffered;

    @Setup
    public void setUp() {
        CompiledModel m = Reference.model();
        TrialKernel k = m.kernel();
        TrialState s = m.newState();
        double[] u = new double[m.inputs().uncertainCount()];
        outs = new double[TRIALS][];
        for (int t = 0; t < TRIALS; t++) {
            k.runPlain(t, s, u);
            outs[t] = s.out().clone();
        }
        int cells = Metric.COUNT * m.horizon();
        thresholds = Stats.monthlyThresholds(m.horizon(), m.backlogThreshold());
        moments = new Moments(cells, thresholds);
        quantiles = new Quantiles(cells);
        columns = new double[cells * COLUMN_TRIALS];
        sketches = new DDSketch[cells];
        for (int i = 0; i < cells; i++) {
            sketches[i] = DDSketches.unboundedDense(Quantiles.RELATIVE_ACCURACY);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public Object record() {
        switch (recorder) {
            case "moments" -> {
                for (double[] o : outs) {
                    if (inBlock++ == Runner.BLOCK) {
                        moments = new Moments(o.length, thresholds);
                        inBlock = 1;
                    }
                    moments.add(o);
                }
                return moments;
            }
            case "quantiles" -> {
                for (double[] o : outs) {
                    quantiles.add(o);
                }
                return quantiles;
            }
            case "by-trial" -> {
                for (double[] o : outs) {
                    if (inBlock++ == Runner.BLOCK) {
                        moments = new Moments(o.length, thresholds);
                        inBlock = 1;
                    }
                    moments.add(o);
                    quantiles.add(o);
                }
                return quantiles;
            }
            case "by-cell" -> {
                for (double[] o : outs) {
                    for (int c = 0, at = buffered; c < o.length; c++, at += COLUMN_TRIALS) {
                        columns[at] = o[c];
                    }
                    boolean blockEnds = ++inBlock == Runner.BLOCK;
                    if (++buffered == COLUMN_TRIALS || blockEnds) {
                        moments.addColumns(columns, COLUMN_TRIALS, buffered);
                        quantiles.addColumns(columns, COLUMN_TRIALS, buffered);
                        buffered = 0;
                    }
                    if (blockEnds) {
                        moments = new Moments(o.length, thresholds);
                        inBlock = 0;
                    }
                }
                return quantiles;
            }
            default -> {
                for (double[] o : outs) {
                    for (int i = 0; i < o.length; i++) {
                        sketches[i].accept(o[i]);
                    }
                }
                return sketches;
            }
        }
    }
}
