package dev.interlock.benchmarks;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * Peak heap of one run of the reference scenario (issue 8, item 4), meant to be started in a fresh JVM per
 * trial count with a fixed heap ({@code benchmarks/run.sh} uses {@code -Xms512m -Xmx512m}):
 *
 * <pre>java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.interlock.benchmarks.MemoryProbe TRIALS THREADS</pre>
 *
 * <p>Method. The live heap is what must stay flat, and "used heap" at an arbitrary moment mostly measures
 * garbage the collector has not yet reclaimed. So at 20 evenly spaced points of the run (progress callbacks,
 * between blocks, while workers hold their trial states, sketches and in-flight blocks) the probe forces a
 * full collection and reads the used heap; {@code live_peak_mb} is the largest of these, and
 * {@code retained_mb} the same after the run with its results still referenced. {@code pool_peak_mb} is the
 * sum over heap pools of {@link MemoryPoolMXBean#getPeakUsage()}: an upper bound that includes garbage and
 * depends on the collector's sizing. Trials' summaries go to a sink that only sums them, as the trials.csv
 * writer would stream them to disk.
 *
 * <p>Prints one line: {@code trials=… threads=… live_peak_mb=… retained_mb=… pool_peak_mb=… seconds=…}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        long trials = Long.parseLong(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        CompiledModel model = Reference.model();
        long blocks = (trials + Runner.BLOCK - 1) / Runner.BLOCK;
        long every = Math.max(1, blocks / 20);
        long[] peak = {usedAfterGc()};
        long[] lastBlock = {0};
        double[] sink = new double[1];
        Runner runner = new Runner(threads, Runner.BLOCK, (done, total) -> {
            long block = (done + Runner.BLOCK - 1) / Runner.BLOCK;
            if (block / every != lastBlock[0] / every || done == total) {
                peak[0] = Math.max(peak[0], usedAfterGc());
            }
            lastBlock[0] = block;
        }, UniformSource.PLAIN);
        BlockSink sum = (first, count, summaries) -> {
            for (double[] v : summaries) {
                for (double x : v) {
                    sink[0] += x == x ? x : 0;
                }
            }
        };
        RunResult r = runner.run(List.of(model), trials, sum);
        long retained = usedAfterGc();
        long poolPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                poolPeak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT,
                "trials=%d threads=%d live_peak_mb=%.1f retained_mb=%.1f pool_peak_mb=%.1f seconds=%.2f check=%.6g%n",
                trials, threads, peak[0] / 1048576.0, retained / 1048576.0, poolPeak / 1048576.0, r.seconds(),
                r.first().mean(dev.interlock.engine.model.Metric.MRR, model.horizon() - 1) + 0 * sink[0]);
    }
}
