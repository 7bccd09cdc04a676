package dev.interlock.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Streaming moments against a two-pass computation, and their exact, order-fixed merge. */
class MomentsTest {

    @Test
    void meanAndSdMatchATwoPassComputationAcrossMergedBlocks() {
        SplittableRandom r = new SplittableRandom(5);
        int cells = 4;
        int trials = 4500;
        double[][] v = new double[trials][cells];
        for (double[] row : v) {
            row[0] = 1e7 + r.nextGaussian() * 2e6;      // large mean, moderate spread
            row[1] = r.nextInt(3) == 0 ? Double.NaN : r.nextDouble();
            row[2] = 106120.8;                           // constant, not an integer
            row[3] = r.nextInt(700);
        }
        double[] threshold = {1e7, Double.NaN, Double.NaN, 350};
        Moments total = new Moments(cells, threshold);
        for (int b = 0; b * 1000 < trials; b++) {
            Moments block = new Moments(cells, threshold);
            for (int t = b * 1000; t < Math.min(trials, (b + 1) * 1000); t++) {
                block.add(v[t]);
            }
            total.merge(block);
        }
        for (int c = 0; c < cells; c++) {
            int cell = c;
            double[] col = Arrays.stream(v).mapToDouble(row -> row[cell]).filter(x -> x == x).toArray();
            double mean = Arrays.stream(col).sum() / col.length;
            double ss = Arrays.stream(col).map(x -> (x - mean) * (x - mean)).sum();
            double sd = Math.sqrt(ss / (col.length - 1));
            assertThat(total.count(c)).isEqualTo(col.length);
            assertThat(total.mean(c)).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(mean) + 1e-15));
            assertThat(total.sd(c)).isCloseTo(sd, org.assertj.core.data.Offset.offset(1e-10 * sd + 1e-15));
            assertThat(total.min(c)).isEqualTo(Arrays.stream(col).min().getAsDouble());
            assertThat(total.max(c)).isEqualTo(Arrays.stream(col).max().getAsDouble());
            if (threshold[c] == threshold[c]) {
                assertThat(total.exceedProbability(c))
                        .isEqualTo(Arrays.stream(col).filter(x -> x > threshold[cell]).count() / (double) col.length);
            }
        }
        assertThat(total.sd(2)).isZero();
        assertThat(total.mean(2)).isEqualTo(106120.8);
    }
}
