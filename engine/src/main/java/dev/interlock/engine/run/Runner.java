package dev.interlock.engine.run;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.model.Metric;
import dev.interlock.engine.model.Summary;
import dev.interlock.engine.model.TrialKernel;
import dev.interlock.engine.model.TrialState;
import dev.interlock.engine.stats.Moments;
import dev.interlock.engine.stats.Quantiles;
import dev.interlock.engine.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs trials of one or more model variants over worker threads (MODEL.md section 7).
 *
 * <ul>
 *   <li>Trials are grouped in blocks of {@value #BLOCK}, a size no option changes. A work unit
 *       ("batch") is a whole number of blocks.</li>
 *   <li>Within a block, trials run in order and every variant runs trial i on the same streams, so
 *       variants are paired trial by trial (common random numbers).</li>
 *   <li>Each block's moments are merged in block order on one coordinating thread; quantile sketches
 *       (exact, order-free merge) are kept per worker and merged at the end. The bytes of every result
 *       therefore depend on neither the thread count nor the batch size nor scheduling.</li>
 *   <li>At most {@code window} blocks wait to be merged, so memory stays flat in the trial count.</li>
 * </ul>
 */
public final class Runner {
    /** Trials per block: fixed, part of the reproducibility contract. */
    public static final int BLOCK = 1000;
    /**
     * Trials whose monthly values a worker holds, cell by cell, before adding them to the statistics: each
     * cell's counts and sums are then touched once per {@value} trials rather than once per trial, which
     * keeps them in cache (25 metrics × H months of counts do not fit). Results do not depend on it: every
     * cell still takes its values in trial order.
     */
    static final int COLUMN_TRIALS = 32;

    private final int threads;
    private final int batchBlocks;
    private boolean monthly = true;
    private final Progress progress;
    private final UniformSource uniforms;
    private int[] captured = new int[0];

    /**
     * @param threads     worker threads (≥ 1)
     * @param batchTrials trials per work unit, rounded up to whole blocks (≥ 1)
     */
    public Runner(int threads, int batchTrials, Progress progress, UniformSource uniforms) {
        if (threads < 1 || batchTrials < 1) {
            throw new IllegalArgumentException("threads and batch must be ≥ 1");
        }
        this.threads = threads;
        this.batchBlocks = (int) ((batchTrials + (long) BLOCK - 1) / BLOCK);   // long: no overflow near 2^31
        this.progress = progress;
        this.uniforms = uniforms;
    }

    /**
     * Keeps only the summary figures' statistics, not the 25 × horizon monthly cells of every variant: for a driver
     * that reads summary figures alone and runs many variants (sensitivity runs 1 + 2k), whose monthly sketches
     * would otherwise take memory per variant and per thread. The Stats of such a run answer no monthly question.
     */
    public Runner summaryOnly() {
        this.monthly = false;
        return this;
    }

    private int monthlyCells(CompiledModel m) {
        return monthly ? Metric.COUNT * m.horizon() : 0;
    }

    public Runner(int threads) {
        this(threads, BLOCK, Progress.NONE, UniformSource.PLAIN);
    }

    /**
     * Asks for the per-trial monthly values of {@code metrics} to be handed to the sink's
     * {@link BlockSink#acceptMonthly}, in trial order (for drivers that score whole forecast
     * distributions, such as backtests). Costs memory per block only for the metrics named.
     */
    public Runner capture(dev.interlock.engine.model.Metric... metrics) {
        captured = new int[metrics.length];
        for (int j = 0; j < metrics.length; j++) {
            captured[j] = metrics[j].ordinal();
        }
        return this;
    }

    /** Default thread count: every core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** One block's results, per variant. */
    private static final class BlockResult {
        final long index;
        final int count;
        final Moments[] monthly;
        final Moments[] summary;
        final double[][] summaries;
        final double[][] captures;

        BlockResult(long index, int count, int variants) {
            this.index = index;
            this.count = count;
            this.monthly = new Moments[variants];
            this.summary = new Moments[variants];
            this.summaries = new double[variants][];
            this.captures = new double[variants][];
        }
    }

    /** One worker's reusable state. */
    private static final class Worker {
        final TrialKernel[] kernels;
        final TrialState[] states;
        final double[][] u;
        final Quantiles[] monthlyQ;
        final Quantiles[] summaryQ;
        /** Per variant: the monthly values of up to {@value #COLUMN_TRIALS} trials, by cell (flushed every {@value Runner#COLUMN_TRIALS} trials and at the end of a block). */
        final double[][] columns;
        int buffered;

        Worker(List<CompiledModel> variants, boolean monthly) {
            int k = variants.size();
            kernels = new TrialKernel[k];
            states = new TrialState[k];
            u = new double[k][];
            monthlyQ = new Quantiles[k];
            summaryQ = new Quantiles[k];
            for (int v = 0; v < k; v++) {
                CompiledModel m = variants.get(v);
                kernels[v] = m.kernel();
                states[v] = m.newState();
                u[v] = new double[m.inputs().uncertainCount()];
                monthlyQ[v] = new Quantiles(monthly ? Metric.COUNT * m.horizon() : 0);
                summaryQ[v] = new Quantiles(Summary.COUNT);
            }
            columns = new double[k][];
            for (int v = 0; v < k; v++) {
                columns[v] = new double[monthly ? Metric.COUNT * variants.get(v).horizon() * COLUMN_TRIALS : 0];
            }
        }
    }

    /** Merges blocks in order; bounds the blocks in flight. */
    private final class Merger {
        final List<CompiledModel> variants;
        final Moments[] monthly;
        final Moments[] summary;
        final double[][] monthlyThresholds;
        final double[] summaryThresholds = Stats.summaryThresholds();
        final TreeMap<Long, BlockResult> pending = new TreeMap<>();
        final BlockSink sink;
        final long totalTrials;
        final long window;
        long next;
        long done;
        Exception failure;

        Merger(List<CompiledModel> variants, BlockSink sink, long totalTrials) {
            this.variants = variants;
            this.sink = sink;
            this.totalTrials = totalTrials;
            this.window = (long) threads * batchBlocks * 2 + 2;
            int k = variants.size();
            monthly = new Moments[k];
            summary = new Moments[k];
            monthlyThresholds = new double[k][];
            for (int v = 0; v < k; v++) {
                CompiledModel m = variants.get(v);
                monthlyThresholds[v] = Stats.monthlyThresholds(m.horizon(), m.backlogThreshold());
                monthly[v] = new Moments(monthlyCells(m), monthlyThresholds[v]);
                summary[v] = new Moments(Summary.COUNT, summaryThresholds);
            }
        }

        synchronized void awaitTurn(long block) throws InterruptedException {
            while (block >= next + window && failure == null) {
                wait();
            }
        }

        synchronized void offer(BlockResult r) throws Exception {
            pending.put(r.index, r);
            while (!pending.isEmpty() && pending.firstKey() == next) {
                BlockResult b = pending.pollFirstEntry().getValue();
                for (int v = 0; v < monthly.length; v++) {
                    monthly[v].merge(b.monthly[v]);
                    summary[v].merge(b.summary[v]);
                }
                try {
                    if (captured.length > 0) {
                        sink.acceptMonthly(b.index * BLOCK, b.count, b.captures);
                    }
                    sink.accept(b.index * BLOCK, b.count, b.summaries);
                } catch (Exception e) {
                    failure = e;
                    notifyAll();
                    throw e;
                }
                next++;
                done += b.count;
                progress.update(done, totalTrials);
            }
            notifyAll();
        }

        synchronized void fail(Exception e) {
            if (failure == null) {
                failure = e;
            }
            notifyAll();
        }
    }

    /**
     * Runs {@code trials} trials of every variant (variant order is the order of the results).
     * Variants must share a horizon and seed. Blocks on the calling thread until done.
     *
     * @throws InterruptedException if the calling thread is interrupted (workers are stopped)
     */
    public RunResult run(List<CompiledModel> variants, long trials, BlockSink sink) throws Exception {
        if (variants.isEmpty() || trials < 1) {
            throw new IllegalArgumentException("need at least one variant and one trial");
        }
        long start = System.nanoTime();
        long blocks = (trials + BLOCK - 1) / BLOCK;
        Merger merger = new Merger(variants, sink, trials);
        AtomicLong nextBatch = new AtomicLong();
        int nThreads = (int) Math.min(threads, (blocks + batchBlocks - 1) / batchBlocks);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < nThreads; i++) {
            workers.add(new Worker(variants, monthly));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "interlock-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Worker w : workers) {
                futures.add(pool.submit(() -> {
                    work(w, variants, trials, blocks, nextBatch, merger);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    Exception ex = c instanceof Exception x ? x : new IllegalStateException(c);
                    merger.fail(ex);
                    if (first == null) {
                        first = ex;
                    }
                }
            }
            // the root cause (the first failure the merger saw), not another worker's "run stopped"
            if (merger.failure != null) {
                throw merger.failure;
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
        List<Stats> out = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            CompiledModel m = variants.get(v);
            Quantiles mq = new Quantiles(monthlyCells(m));
            Quantiles sq = new Quantiles(Summary.COUNT);
            for (Worker w : workers) {
                mq.merge(w.monthlyQ[v]);
                sq.merge(w.summaryQ[v]);
            }
            out.add(new Stats(m.structure(), m.horizon(), merger.monthly[v], mq, merger.summary[v], sq));
        }
        return new RunResult(out, trials, (System.nanoTime() - start) / 1e9);
    }

    private void work(Worker w, List<CompiledModel> variants, long trials, long blocks, AtomicLong nextBatch,
                      Merger merger) throws Exception {
        try {
            workBlocks(w, variants, trials, blocks, nextBatch, merger);
        } catch (Exception e) {
            merger.fail(e);      // wakes workers waiting for their turn; the first failure is the root cause
            throw e;
        } catch (Error e) {
            merger.fail(new IllegalStateException(e));
            throw e;
        }
    }

    /**
     * Puts one trial's values into column {@code trial} of the by-cell buffer. Its own method so that the
     * trial loop in workBlocks does not count 1,500 loop iterations per trial: those made the JIT compile
     * workBlocks on stack within the first second, the statistics inlined (30 KB of machine code, 0.2 s of
     * compiler time), while the kernel's own methods waited for the compiler. PeerRun at 100,000 trials,
     * with the out-of-line growth in {@code Quantiles.addRest}: 2.96 s without this, 2.72 s with it
     * (medians of 8 alternating runs).
     */
    private static void toColumns(double[] out, double[] columns, int trial) {
        for (int c = 0, at = trial; c < out.length; c++, at += COLUMN_TRIALS) {
            columns[at] = out[c];
        }
    }

    /**
     * Runs trial {@code trial} (the {@code i}-th of block {@code r}) for every variant and records it; adds the
     * buffered columns to the monthly statistics every {@value #COLUMN_TRIALS} trials and at the block's end.
     * Its own method, and not part of workBlocks' loop, so that the JIT compiles the per-trial work once, as a
     * method: with this body inside the loop, workBlocks was compiled on stack twice (once per loop), each time
     * with the statistics inlined again (31 KB of machine code and 0.16 s of compiler time each, 1.7–2.1 s into
     * a 2.8 s PeerRun at 100,000 trials). With the body here: PeerRun 2.79 → 2.68 s (medians of 6 alternating
     * runs), the same bytes out.
     */
    private void runTrial(Worker w, List<CompiledModel> variants, BlockResult r, int i, long trial, boolean last) {
        int k = variants.size();
        for (int v = 0; v < k; v++) {
            TrialState s = w.states[v];
            uniforms.fill(variants.get(v), v, trial, w.u[v]);
            w.kernels[v].run(trial, w.u[v], s);
            if (monthly) {
                toColumns(s.out(), w.columns[v], w.buffered);
            }
            r.summary[v].add(s.summary());
            w.summaryQ[v].add(s.summary());
            System.arraycopy(s.summary(), 0, r.summaries[v], i * Summary.COUNT, Summary.COUNT);
            int h = s.horizon();
            for (int j = 0; j < captured.length; j++) {
                System.arraycopy(s.out(), captured[j] * h, r.captures[v], (i * captured.length + j) * h, h);
            }
        }
        if (++w.buffered == COLUMN_TRIALS || last) {
            // (a summary-only run has no columns: the moments and sketches of 0 cells take nothing)
            for (int v = 0; v < k; v++) {
                r.monthly[v].addColumns(w.columns[v], COLUMN_TRIALS, w.buffered);
                w.monthlyQ[v].addColumns(w.columns[v], COLUMN_TRIALS, w.buffered);
            }
            w.buffered = 0;
        }
    }

    private void workBlocks(Worker w, List<CompiledModel> variants, long trials, long blocks, AtomicLong nextBatch,
                            Merger merger) throws Exception {
        int k = variants.size();
        while (true) {
            long batch = nextBatch.getAndIncrement();
            long firstBlock = batch * batchBlocks;
            if (firstBlock >= blocks) {
                return;
            }
            long lastBlock = Math.min(blocks, firstBlock + batchBlocks);
            for (long b = firstBlock; b < lastBlock; b++) {
                merger.awaitTurn(b);
                if (merger.failure != null || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("run stopped");
                }
                long first = b * BLOCK;
                int count = (int) Math.min(BLOCK, trials - first);
                BlockResult r = new BlockResult(b, count, k);
                for (int v = 0; v < k; v++) {
                    CompiledModel m = variants.get(v);
                    r.monthly[v] = new Moments(monthlyCells(m), merger.monthlyThresholds[v]);
                    r.summary[v] = new Moments(Summary.COUNT, merger.summaryThresholds);
                    r.summaries[v] = new double[count * Summary.COUNT];
                    r.captures[v] = new double[count * captured.length * m.horizon()];
                }
                for (int i = 0; i < count; i++) {
                    runTrial(w, variants, r, i, first + i, i == count - 1);
                }
                merger.offer(r);
            }
        }
    }

}
