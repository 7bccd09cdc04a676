package dev.interlock.cli;

import dev.interlock.engine.run.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for runs that last more than a second, and only when stderr is a terminal
 * (quiet in pipes, files and CI). Uses the progressbar library.
 */
final class ConsoleProgress implements Progress, AutoCloseable {
    private final long startNanos = System.nanoTime();
    private final boolean enabled;
    private final String task;
    private ProgressBar bar;

    ConsoleProgress(String task) {
        this.task = task;
        this.enabled = System.console() != null && !"true".equals(System.getenv("CI"));
    }

    @Override
    public synchronized void update(long done, long total) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (System.nanoTime() - startNanos < 1_000_000_000L || done >= total) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" trials", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
