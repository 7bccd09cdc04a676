package dev.interlock.engine.analyses;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.output.MonthlyCsv;
import dev.interlock.engine.output.OutputDir;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.output.SummaryJson;
import dev.interlock.engine.output.TrialsCsv;
import dev.interlock.engine.run.BlockSink;
import dev.interlock.engine.run.Progress;
import dev.interlock.engine.run.RunResult;
import dev.interlock.engine.run.Runner;
import dev.interlock.engine.run.UniformSource;
import dev.interlock.engine.scenario.Scenario;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code run} job: one scenario under its active structure, all trials, and its files —
 * {@code monthly.csv}, {@code trials.csv}, {@code summary.json} and {@code scenario.resolved.yaml} —
 * written to a directory atomically (see {@link OutputDir}).
 */
public final class Simulation {
    private Simulation() {
    }

    /** How to run: worker threads, trials per work unit, a progress callback. None of them changes a result. */
    public record Options(int threads, int batchTrials, Progress progress) {
        public static Options defaults() {
            return new Options(Runner.defaultThreads(), Runner.BLOCK, Progress.NONE);
        }
    }

    /** Runs without writing files (for tests and analyses). */
    public static RunResult run(Scenario sc, Options o) throws Exception {
        CompiledModel m = CompiledModel.of(sc);
        return new Runner(o.threads(), o.batchTrials(), o.progress(), UniformSource.PLAIN)
                .run(List.of(m), sc.trials(), BlockSink.NONE);
    }

    /**
     * Files written into a run's directory from its results, after the run's own files and before the
     * directory is committed (the HTML report and its charts, for example), so they appear with the run or
     * not at all. Implementations read results only; they never see the kernel.
     */
    @FunctionalInterface
    public interface ExtraFiles {
        ExtraFiles NONE = (out, result) -> { };

        /** Writes files with {@link OutputDir#file(String)}; throwing leaves nothing of the run behind. */
        void write(OutputDir out, RunResult result) throws IOException;
    }

    /** Runs and writes every output file into {@code dir}; on any failure nothing of this run remains. */
    public static RunResult run(Scenario sc, Options o, Path dir) throws Exception {
        return run(sc, o, dir, ExtraFiles.NONE);
    }

    /**
     * Runs, writes every output file and then {@code extra}'s files into {@code dir}, and commits them
     * together; on any failure nothing of this run remains.
     */
    public static RunResult run(Scenario sc, Options o, Path dir, ExtraFiles extra) throws Exception {
        CompiledModel m = CompiledModel.of(sc);
        OutputDir.check(dir);
        try (OutputDir out = OutputDir.open(dir)) {
            RunResult r;
            try (Writer tw = Files.newBufferedWriter(out.file("trials.csv"), StandardCharsets.UTF_8)) {
                TrialsCsv trials = new TrialsCsv(tw, new String[] {m.structure()});
                r = new Runner(o.threads(), o.batchTrials(), o.progress(), UniformSource.PLAIN)
                        .run(List.of(m), sc.trials(), trials);
            }
            writeResults(out, sc, m, r);
            extra.write(out, r);
            out.commit();
            return r;
        }
    }

    static void writeResults(OutputDir out, Scenario sc, CompiledModel m, RunResult r) throws IOException {
        try (Writer w = Files.newBufferedWriter(out.file("monthly.csv"), StandardCharsets.UTF_8)) {
            MonthlyCsv.write(r.first(), MonthlyCsv.monthLabels(sc.startMonth(), sc.horizonMonths()), sc.currency(), w);
        }
        Files.writeString(out.file("summary.json"), SummaryJson.write(sc, r.first(), inputNames(m)),
                StandardCharsets.UTF_8);
        Files.writeString(out.file("scenario.resolved.yaml"), ScenarioYaml.write(sc), StandardCharsets.UTF_8);
    }

    static List<String> inputNames(CompiledModel m) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < m.inputs().uncertainCount(); j++) {
            names.add(m.inputs().uncertainName(j));
        }
        return names;
    }
}
