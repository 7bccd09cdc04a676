package dev.interlock.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Recording trials cell by cell ({@code addColumns}, what the runner does) gives bit for bit what recording
 * them trial by trial ({@code add}) gives: the same counts, means, sds, extremes and exceedances, for every
 * kind of cell, including cells that turn from exact counts into a sketch in the middle of a column.
 */
class ColumnsTest {
    static final double[] LEVELS = {0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1};

    /** The data of QuantilesTest, plus whole numbers that outgrow the exact window late in the run. */
    static double[][] data(int trials, int cells) {
        double[][] v = QuantilesTest.data(trials, cells, 7);
        for (int t = 0; t < trials; t++) {
            v[t][cells - 1] = t < trials / 2 ? t % 50 : t * 13L;   // exact first, then beyond the window
        }
        return v;
    }

    @Test
    void columnsGiveExactlyWhatTrialByTrialGives() {
        int trials = 3000;
        int cells = 13;
        double[][] v = data(trials, cells);
        double[] thresholds = new double[cells];
        java.util.Arrays.fill(thresholds, Double.NaN);
        thresholds[0] = 400;
        thresholds[1] = 0;
        for (int stride : new int[] {1, 7, 32, 100}) {
            Moments byTrial = new Moments(cells, thresholds);
            Quantiles byTrialQ = new Quantiles(cells);
            for (double[] row : v) {
                byTrial.add(row);
                byTrialQ.add(row);
            }
            Moments byCell = new Moments(cells, thresholds);
            Quantiles byCellQ = new Quantiles(cells);
            double[] columns = new double[cells * stride];
            int filled = 0;
            for (int t = 0; t < trials; t++) {
                for (int c = 0; c < cells; c++) {
                    columns[c * stride + filled] = v[t][c];
                }
                if (++filled == stride || t == trials - 1) {
                    byCell.addColumns(columns, stride, filled);
                    byCellQ.addColumns(columns, stride, filled);
                    filled = 0;
                }
            }
            for (int c = 0; c < cells; c++) {
                assertThat(byCell.count(c)).isEqualTo(byTrial.count(c));
                assertThat(bits(byCell.mean(c))).as("mean, cell %d stride %d", c, stride).isEqualTo(bits(byTrial.mean(c)));
                assertThat(bits(byCell.sd(c))).as("sd, cell %d stride %d", c, stride).isEqualTo(bits(byTrial.sd(c)));
                assertThat(bits(byCell.min(c))).isEqualTo(bits(byTrial.min(c)));
                assertThat(bits(byCell.max(c))).isEqualTo(bits(byTrial.max(c)));
                assertThat(bits(byCell.exceedProbability(c))).isEqualTo(bits(byTrial.exceedProbability(c)));
                assertThat(byCellQ.isExact(c)).isEqualTo(byTrialQ.isExact(c));
                assertThat(byCellQ.count(c)).isEqualTo(byTrialQ.count(c));
                for (double q : LEVELS) {
                    assertThat(bits(byCellQ.quantile(c, q))).as("q %s, cell %d stride %d", q, c, stride)
                            .isEqualTo(bits(byTrialQ.quantile(c, q)));
                }
            }
            assertThat(byCellQ.isExact(cells - 1)).as("the late cell became a sketch").isFalse();
            assertThat(byCellQ.isExact(0)).as("counts stay exact").isTrue();
        }
    }

    @Test
    void rejectsColumnsThatDoNotHoldEveryCell() {
        assertThatThrownBy(() -> new Moments(3, new double[3]).addColumns(new double[8], 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quantiles(3).addColumns(new double[9], 3, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
