package dev.interlock.engine.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.dist.Normal;
import org.junit.jupiter.api.Test;

/** The scores against values worked out by hand. */
class ScoresTest {
    @Test
    void crpsOfASmallSampleMatchesTheHandComputedValue() {
        // E|X−2| = (1+0+1)/3 = 2/3; E|X−X'| = (0+1+2+1+0+1+2+1+0)/9 = 8/9; CRPS = 2/3 − 4/9 = 2/9
        assertThat(Scores.crps(new double[] {1, 2, 3}, 2)).isCloseTo(2.0 / 9, within(1e-15));
        // E|X−5| = (4+3+2)/3 = 3; CRPS = 3 − 4/9 = 23/9
        assertThat(Scores.crps(new double[] {1, 2, 3}, 5)).isCloseTo(23.0 / 9, within(1e-15));
        // two points: E|X−0| = 5, E|X−X'| = (0+10+10+0)/4 = 5, CRPS = 2.5
        assertThat(Scores.crps(new double[] {0, 10}, 0)).isCloseTo(2.5, within(1e-15));
    }

    @Test
    void crpsOfOneValueIsTheAbsoluteError() {
        assertThat(Scores.crps(new double[] {4}, 1)).isEqualTo(3);
        assertThat(Scores.crpsNormal(4, 0, 1)).isEqualTo(3);
    }

    @Test
    void crpsOfANormalMatchesItsClosedFormAndAFineSample() {
        // at the mean: σ·(2φ(0) − 1/√π) = 0.7978845608 − 0.5641895835
        assertThat(Scores.crpsNormal(0, 1, 0)).isCloseTo(0.2336949772, within(1e-9));
        assertThat(Scores.crpsNormal(10, 2, 10)).isCloseTo(2 * 0.2336949772, within(1e-9));
        // a sample at the normal's quantiles (i − ½)/n approximates its CRPS to O(1/n)
        int n = 20_000;
        double[] xs = new double[n];
        Normal d = new Normal(3, 2);
        for (int i = 0; i < n; i++) {
            xs[i] = d.quantile((i + 0.5) / n);
        }
        for (double y : new double[] {-1, 3, 4.5, 9}) {
            assertThat(Scores.crps(xs, y)).isCloseTo(Scores.crpsNormal(3, 2, y), within(2e-3));
        }
    }

    @Test
    void pinballLossWeighsMissesByTheLevel() {
        assertThat(Scores.pinball(5, 8, 0.9)).isCloseTo(2.7, within(1e-12));
        assertThat(Scores.pinball(5, 8, 0.1)).isCloseTo(0.3, within(1e-12));
        assertThat(Scores.pinball(5, 2, 0.9)).isCloseTo(0.3, within(1e-12));
        assertThat(Scores.pinball(5, 2, 0.1)).isCloseTo(2.7, within(1e-12));
        assertThat(Scores.pinball(5, 5, 0.5)).isZero();
    }

    @Test
    void quantileIsTheSmallestValueWithCdfAtLeastTau() {
        double[] s = {1, 2, 3, 4};
        assertThat(Scores.quantile(s, 0)).isEqualTo(1);
        assertThat(Scores.quantile(s, 0.25)).isEqualTo(1);
        assertThat(Scores.quantile(s, 0.5)).isEqualTo(2);
        assertThat(Scores.quantile(s, 0.51)).isEqualTo(3);
        assertThat(Scores.quantile(s, 1)).isEqualTo(4);
    }

    @Test
    void coverageUsesTheCentralIntervalWithEndsIncluded() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // 80 %: [q(0.1), q(0.9)] = [1, 9]
        assertThat(Scores.covers(s, 9, 0.8)).isTrue();
        assertThat(Scores.covers(s, 1, 0.8)).isTrue();
        assertThat(Scores.covers(s, 10, 0.8)).isFalse();
        // 50 %: [q(0.25), q(0.75)] = [3, 8]
        assertThat(Scores.covers(s, 2, 0.5)).isFalse();
        assertThat(Scores.covers(s, 8, 0.5)).isTrue();
    }

    @Test
    void percentageErrorsAndTheMaseScale() {
        assertThat(Scores.ape(90, 100)).isCloseTo(0.1, within(1e-12));
        assertThat(Scores.ape(5, 0)).isNaN();
        assertThat(Scores.sape(90, 110)).isCloseTo(0.2, within(1e-12));
        assertThat(Scores.sape(0, 0)).isZero();
        // consecutive pairs with values: (1, 3) and (4, 6)
        assertThat(Scores.naiveScale(new double[] {1, 3, Double.NaN, 4, 6})).isEqualTo(2);
        assertThat(Scores.naiveScale(new double[] {1, Double.NaN, 2})).isNaN();
    }

    @Test
    void maseIsTheForecastMaeOverTheInSampleNaiveMae() {
        ScoreTally t = new ScoreTally();
        t.cell(10, 13, 0, 0, 0, 0, 1, 1, 1);   // |e| = 3
        t.cell(10, 9, 0, 0, 0, 0, 0, 1, 1);    // |e| = 1
        t.finishOrigin(Scores.naiveScale(new double[] {4, 8, 6}));   // scale (4 + 2)/2 = 3
        assertThat(t.mean(ScoreTally.MAE)).isEqualTo(2);
        assertThat(t.mean(ScoreTally.MASE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.mean(ScoreTally.COV50)).isEqualTo(0.5);
        assertThat(t.mean(ScoreTally.MAPE)).isCloseTo((3.0 / 13 + 1.0 / 9) / 2, within(1e-12));
    }

    @Test
    void baselinesFollowTheirDefinitions() {
        double[] h = {10, 12, 14};
        Baselines.Forecast last = Baselines.forecast("naive_last", h, 4, null);
        assertThat(last.point()).isEqualTo(14);
        assertThat(last.sd()).isCloseTo(2 * Math.sqrt(2), within(1e-12));   // one-step errors 2, 2; two steps ahead
        assertThat(Baselines.forecast("naive_mean3", h, 3, null).point()).isEqualTo(12);
        assertThat(Baselines.forecast("naive_mean3", h, 3, null).sd()).isNaN();   // needs three earlier values
        Baselines.Forecast drift = Baselines.forecast("naive_drift", h, 4, null);
        assertThat(drift.point()).isEqualTo(18);
        assertThat(drift.sd()).isZero();                                      // a perfectly straight history
        double[] leads = {100, 100, 100, 200, 200};
        assertThat(Baselines.forecast("naive_ratio", h, 3, leads).point()).isCloseTo(24, within(1e-12));
        assertThat(Baselines.forecast("naive_ratio", h, 3, null).point()).isNaN();
        assertThat(Baselines.forecast("naive_drift", new double[] {10, Double.NaN}, 3, null).point()).isNaN();
    }
}
