package dev.interlock.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quantile sketch: its documented error bound, DDSketch's answers, and an exact order-free merge. */
class QuantilesTest {
    static final double[] QS = {0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1};

    /** Mixed data per cell: signs, zeros, integers, heavy tails, a constant, spreads over many decades. */
    static double[][] data(int trials, int cells, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] v = new double[trials][cells];
        for (int t = 0; t < trials; t++) {
            for (int c = 0; c < cells; c++) {
                v[t][c] = switch (c % 6) {
                    case 0 -> Math.floor(r.nextDouble() * 800);                     // counts with zeros
                    case 1 -> (r.nextDouble() - 0.4) * 2e6;                          // profit-like, both signs
                    case 2 -> Math.exp(r.nextGaussian() * 3);                        // many decades
                    case 3 -> 123456.789;                                            // constant
                    case 4 -> r.nextInt(10) == 0 ? 0 : -Math.exp(r.nextGaussian()); // negative with zeros
                    default -> r.nextInt(5) == 0 ? Double.NaN : r.nextDouble();      // undefined sometimes
                };
            }
        }
        return v;
    }

    @Test
    void everyQuantileIsWithinHalfAPercentOfTheSampleQuantile() {
        int trials = 5000;
        int cells = 12;
        double[][] v = data(trials, cells, 1);
        Quantiles q = new Quantiles(cells);
        for (double[] row : v) {
            q.add(row);
        }
        for (int c = 0; c < cells; c++) {
            int cell = c;
            double[] col = Arrays.stream(v).mapToDouble(row -> row[cell]).filter(x -> x == x).sorted().toArray();
            assertThat(q.count(c)).isEqualTo(col.length);
            for (double level : QS) {
                double exact = col[(int) Math.floor(level * (col.length - 1))];   // DDSketch's rank convention
                assertThat(q.quantile(c, level)).as("cell %d q %s", c, level)
                        .isCloseTo(exact, org.assertj.core.data.Offset.offset(Quantiles.RELATIVE_ACCURACY * Math.abs(exact) + 1e-300));
            }
        }
        assertThat(new Quantiles(1).quantile(0, 0.5)).isNaN();
    }

    @Test
    void answersAreThoseOfTheLibrarysDDSketchWithTheSameMapping() {
        double[][] v = data(3000, 6, 2);
        Quantiles q = new Quantiles(6);
        DDSketch[] ref = new DDSketch[6];
        for (int c = 0; c < 6; c++) {
            ref[c] = new DDSketch(new CubicallyInterpolatedMapping(Quantiles.RELATIVE_ACCURACY), UnboundedSizeDenseStore::new);
        }
        for (double[] row : v) {
            q.add(row);
            for (int c = 0; c < 6; c++) {
                if (row[c] == row[c]) {
                    ref[c].accept(row[c]);
                }
            }
        }
        for (int c = 0; c < 6; c++) {
            for (double level : QS) {
                assertThat(q.quantile(c, level)).as("cell %d q %s", c, level).isEqualTo(ref[c].getValueAtQuantile(level));
            }
        }
    }

    @Test
    void mergingInAnyOrderGivesTheSameAnswersAsOneSketch() {
        int cells = 12;
        double[][] v = data(6000, cells, 3);
        Quantiles whole = new Quantiles(cells);
        Quantiles[] parts = new Quantiles[5];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = new Quantiles(cells);
        }
        for (int t = 0; t < v.length; t++) {
            whole.add(v[t]);
            parts[(t * 7 / 3) % parts.length].add(v[t]);
        }
        Quantiles forward = new Quantiles(cells);
        Quantiles backward = new Quantiles(cells);
        for (int p = 0; p < parts.length; p++) {
            forward.merge(parts[p]);
            backward.merge(parts[parts.length - 1 - p]);
        }
        for (int c = 0; c < cells; c++) {
            assertThat(forward.count(c)).isEqualTo(whole.count(c));
            for (double level : QS) {
                assertThat(forward.quantile(c, level)).isEqualTo(whole.quantile(c, level));
                assertThat(backward.quantile(c, level)).isEqualTo(whole.quantile(c, level));
            }
        }
    }
}
