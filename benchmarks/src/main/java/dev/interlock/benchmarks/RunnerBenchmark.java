package dev.interlock.benchmarks;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import java.util.List;
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
 * The full runner on the reference scenario (issue 8, item 3): {@code trials} trials per operation (40
 * blocks, so that the last block's imbalance between threads costs little), with everything a run computes
 * — kernel, moments, quantiles, block-ordered merging — except writing files. Score: milliseconds per run
 * at 1 and 2 worker threads; speed-up = time(1) / time(2).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RunnerBenchmark} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RunnerBenchmark {
    @Param({"1", "2"})
    public int threads;

    @Param({"40000"})
    public int trials;

    private CompiledModel model;
    private Runner runner;

    @Setup
    public void setUp() {
        model = Reference.model();
        runner = new Runner(threads, Runner.BLOCK, Progress.NONE, UniformSource.PLAIN);
    }

    @Benchmark
    public RunResult run() throws Exception {
        return runner.run(List.of(model), trials, BlockSink.NONE);
    }
}
