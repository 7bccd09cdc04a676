package dev.interlock.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Streaming quantiles: the documented error bound, exact answers for whole-number cells, DDSketch's answers
 * otherwise, and a merge whose result does not depend on how values were split or merged.
 */
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
    void sketchCellsAnswerAsTheLibrarysDDSketchAndExactCellsGiveTheSampleQuantile() {
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
        assertThat(q.isExact(0)).as("whole numbers 0..799").isTrue();
        for (int c = 1; c < 6; c++) {
            assertThat(q.isExact(c)).as("cell %d", c).isFalse();
        }
        for (int c = 0; c < 6; c++) {
            int cell = c;
            double[] col = Arrays.stream(v).mapToDouble(row -> row[cell]).filter(x -> x == x).sorted().toArray();
            for (double level : QS) {
                double expected = q.isExact(c) ? col[(int) Math.floor(level * (col.length - 1))]
                        : ref[c].getValueAtQuantile(level);
                assertThat(q.quantile(c, level)).as("cell %d q %s", c, level).isEqualTo(expected);
            }
        }
    }

    @Test
    void aCellLeavesExactCountsWithoutLossWhenAValueIsFractionalOrTheRangeTooWide() {
        // cell 0: whole numbers, then one fraction; cell 1: whole numbers spreading beyond the window
        Quantiles q = new Quantiles(2);
        DDSketch[] ref = new DDSketch[2];
        for (int c = 0; c < 2; c++) {
            ref[c] = new DDSketch(new CubicallyInterpolatedMapping(Quantiles.RELATIVE_ACCURACY), UnboundedSizeDenseStore::new);
        }
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < 4000; t++) {
            double[] row = {t == 3000 ? 17.5 : r.nextInt(100) - 20, t < 2000 ? r.nextInt(1000) : r.nextInt(5000) - 2500};
            if (t == 2999) {
                assertThat(q.isExact(0)).isTrue();
                assertThat(q.isExact(1)).isFalse();
            }
            q.add(row);
            ref[0].accept(row[0]);
            ref[1].accept(row[1]);
        }
        for (int c = 0; c < 2; c++) {
            assertThat(q.isExact(c)).isFalse();
            for (double level : QS) {
                assertThat(q.quantile(c, level)).as("cell %d q %s", c, level).isEqualTo(ref[c].getValueAtQuantile(level));
            }
        }
    }

    @Test
    void whetherACellIsExactDependsOnAllItsValuesNotOnHowTheyWereSplit() {
        // Each half alone spans fewer than 2048 integers; together they span more.
        Quantiles low = new Quantiles(1);
        Quantiles high = new Quantiles(1);
        Quantiles whole = new Quantiles(1);
        for (int t = 0; t < 3000; t++) {
            double[] row = {t % 2 == 0 ? t % 1500 : 2000 + t % 1500};
            (t % 2 == 0 ? low : high).add(row);
            whole.add(row);
        }
        assertThat(low.isExact(0)).isTrue();
        assertThat(high.isExact(0)).isTrue();
        assertThat(whole.isExact(0)).isFalse();
        Quantiles a = new Quantiles(1);
        a.merge(low);
        a.merge(high);
        Quantiles b = new Quantiles(1);
        b.merge(high);
        b.merge(low);
        assertThat(a.isExact(0)).isFalse();
        assertThat(b.isExact(0)).isFalse();
        for (double level : QS) {
            assertThat(a.quantile(0, level)).isEqualTo(whole.quantile(0, level));
            assertThat(b.quantile(0, level)).isEqualTo(whole.quantile(0, level));
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
            assertThat(forward.isExact(c)).isEqualTo(whole.isExact(c));
            assertThat(backward.isExact(c)).isEqualTo(whole.isExact(c));
            assertThat(forward.count(c)).isEqualTo(whole.count(c));
            for (double level : QS) {
                assertThat(forward.quantile(c, level)).isEqualTo(whole.quantile(c, level));
                assertThat(backward.quantile(c, level)).isEqualTo(whole.quantile(c, level));
            }
        }
    }
}
