package dev.interlock.benchmarks;

import dev.interlock.engine.analyses.Simulation;
import dev.interlock.engine.output.MonthlyCsv;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.scenario.Scenario;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Interlock's side of the peer comparison (issue 8, item 5): runs the reference scenario at a trial count
 * and thread count in a fresh JVM, times the simulation alone (kernel, statistics and merging, as
 * {@code reference.py} times its {@code simulate}; JIT warm-up included, JVM start and file writing not),
 * and writes {@code monthly.csv} exactly as {@code interlock run} does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.interlock.benchmarks.PeerRun TRIALS THREADS OUT.csv</pre>
 *
 * <p>Prints {@code trials=… threads=… seconds=…}.
 */
public final class PeerRun {
    private PeerRun() {
    }

    public static void main(String[] args) throws Exception {
        long trials = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Scenario sc = Reference.scenario();
        sc = sc.with(sc.seed(), Math.toIntExact(trials), sc.structure());
        RunResult r = Simulation.run(sc, new Simulation.Options(threads, Runner.BLOCK, Progress.NONE));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            MonthlyCsv.write(r.first(), MonthlyCsv.monthLabels(sc.startMonth(), sc.horizonMonths()), sc.currency(), w);
        }
        System.out.printf(Locale.ROOT, "trials=%d threads=%d seconds=%.3f out=%s%n", trials, threads, r.seconds(),
                out);
    }
}
