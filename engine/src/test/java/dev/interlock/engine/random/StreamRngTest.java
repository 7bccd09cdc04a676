package dev.interlock.engine.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.junit.jupiter.api.Test;

class StreamRngTest {

    private static final long[] KEYS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x123456789ABCDEFL,
        Streams.key(42, 7, 3, 11, 0)};

    @Test
    void matchesCommonsRngXoShiRo256PlusPlusFor1000Outputs() {
        final SplittableRandom keys = new SplittableRandom(20240601L);
        for (int i = 0; i < KEYS.length + 20; i++) {
            final long key = i < KEYS.length ? KEYS[i] : keys.nextLong();
            final StreamRng rng = new StreamRng();
            rng.reset(key);
            final XoShiRo256PlusPlus reference = new XoShiRo256PlusPlus(rng.stateCopy());
            for (int j = 0; j < 1000; j++) {
                assertThat(rng.nextLong()).as("key %d output %d", key, j).isEqualTo(reference.nextLong());
            }
        }
    }

    @Test
    void resetStateIsFourSplitMix64OutputsStartingFromKey() {
        for (long key : KEYS) {
            final StreamRng rng = new StreamRng();
            rng.reset(key);
            final SplitMix64 splitMix = new SplitMix64(key);
            final long[] expected = {splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong(), splitMix.nextLong()};
            assertThat(rng.stateCopy()).as("key %d", key).containsExactly(expected);
        }
    }

    @Test
    void defaultConstructorIsResetZero() {
        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        b.nextLong();
        b.reset(0L);
        assertThat(a.stateCopy()).containsExactly(b.stateCopy());
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void resetTwiceGivesTheSameSequence() {
        final StreamRng rng = new StreamRng();
        final long key = Streams.key(1, 2, 3, 4, 5);
        rng.reset(key);
        final long[] first = new long[500];
        for (int i = 0; i < first.length; i++) {
            first[i] = rng.nextLong();
        }
        rng.reset(12345L); // disturb
        rng.nextLong();
        rng.reset(key);
        for (int i = 0; i < first.length; i++) {
            assertThat(rng.nextLong()).as("output %d", i).isEqualTo(first[i]);
        }
    }

    @Test
    void differentKeysGiveDifferentSequences() {
        // Adjacent keys are the hardest case for a seeding function: check many of them.
        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        for (long key = -1000; key < 1000; key++) {
            a.reset(key);
            b.reset(key + 1);
            int equal = 0;
            for (int i = 0; i < 64; i++) {
                if (a.nextLong() == b.nextLong()) {
                    equal++;
                }
            }
            assertThat(equal).as("equal outputs for keys %d and %d", key, key + 1).isZero();
        }
    }

    @Test
    void nextDoubleIsTop53BitsAndInHalfOpenUnitInterval() {
        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        a.reset(99);
        b.reset(99);
        for (int i = 0; i < 10_000; i++) {
            final double d = a.nextDouble();
            assertThat(d).isEqualTo((b.nextLong() >>> 11) * 0x1.0p-53).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
    }

    @Test
    void nextOpenDoubleIsStrictlyInsideUnitIntervalEvenForExtremeBits() {
        assertThat(StreamRng.openUnit(0L)).isEqualTo(0x1.0p-53).isGreaterThan(0.0);
        assertThat(StreamRng.openUnit(-1L)).isEqualTo(1 - 0x1.0p-53).isLessThan(1.0);
        assertThat(StreamRng.openUnit(Long.MIN_VALUE)).isEqualTo(0.5 + 0x1.0p-53);
        // Why 52 bits: the 53-bit "midpoint" formula rounds to exactly 1.0 for all-ones bits.
        assertThat(((-1L >>> 11) + 0.5) * 0x1.0p-53).isEqualTo(1.0);

        final StreamRng a = new StreamRng();
        final StreamRng b = new StreamRng();
        a.reset(7);
        b.reset(7);
        final double[] sample = new double[50_000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = a.nextOpenDouble();
            assertThat(sample[i]).isEqualTo(StreamRng.openUnit(b.nextLong())).isGreaterThan(0.0).isLessThan(1.0);
        }
        final double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), sample);
        assertThat(p).as("KS p-value").isGreaterThan(0.001);
    }
}
