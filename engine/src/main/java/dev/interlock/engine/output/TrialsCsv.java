package dev.interlock.engine.output;

import dev.interlock.engine.model.Summary;
import dev.interlock.engine.run.BlockSink;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code trials.csv}: one row per trial (and per structure, when several run), in trial order, with
 * every per-trial summary figure. Streams block by block, so memory does not grow with trials.
 */
public final class TrialsCsv implements BlockSink {
    private final Writer w;
    private final String[] structures;
    private final StringBuilder b = new StringBuilder(512);

    public TrialsCsv(Writer w, String[] structures) throws IOException {
        this.w = w;
        this.structures = structures.clone();
        b.append("trial");
        if (structures.length > 1) {
            b.append(",structure");
        }
        for (Summary s : Summary.values()) {
            b.append(',').append(s.key());
        }
        b.append('\n');
        w.write(b.toString());
    }

    @Override
    public void accept(long firstTrial, int count, double[][] summaries) throws IOException {
        for (int i = 0; i < count; i++) {
            for (int v = 0; v < structures.length; v++) {
                b.setLength(0);
                b.append(firstTrial + i);
                if (structures.length > 1) {
                    b.append(',').append(structures[v]);
                }
                for (int k = 0; k < Summary.COUNT; k++) {
                    b.append(',').append(Fmt.num(summaries[v][i * Summary.COUNT + k]));
                }
                b.append('\n');
                w.write(b.toString());
            }
        }
    }
}
