package dev.interlock.engine.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Resettable xoshiro256++ generator (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Trans. Math. Softw. 47(4), 2021; preprint 2018, arXiv:1805.01407).
 *
 * <p>One object is used per stream. The engine reseeds it for every (trial, purpose, month) with
 * {@link #reset(long)}, passing a key from {@link Streams#key(long, long, int, int, int)}, so a stream's
 * output depends only on its key and never on thread or creation order. The 256-bit state is held in
 * four {@code long} fields: after construction no method of this class allocates.
 *
 * <p>The output of {@link #nextLong()} is bit-for-bit the reference xoshiro256++ (and the same as
 * {@code org.apache.commons.rng.core.source64.XoShiRo256PlusPlus} started from the same four state
 * words). The methods not overridden here (for example {@code nextInt()}, {@code nextInt(int)},
 * {@code nextBoolean()}) are the {@link UniformRandomProvider} defaults built on {@link #nextLong()};
 * note that {@code nextInt()} therefore consumes a whole 64-bit output (no caching of half words).
 *
 * <p>Not thread-safe: use one instance per thread (which the engine does by construction). See
 * MODEL.md section 7 ("streams split by purpose").
 */
public final class StreamRng implements UniformRandomProvider {

    /** SplitMix64 increment (the golden gamma, 2^64 / phi, rounded to odd). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** Creates a generator whose state is the one {@code reset(0)} gives. */
    public StreamRng() {
        reset(0L);
    }

    /**
     * Re-initialises the whole 256-bit state from a 64-bit key: the four state words are four
     * successive outputs of SplitMix64 (G. Steele, D. Lea and C. Flood, "Fast splittable pseudorandom
     * number generators", OOPSLA 2014) whose internal counter starts at {@code key}, exactly as
     * {@code org.apache.commons.rng.core.source64.SplitMix64(key)} would produce them and as recommended
     * by Blackman and Vigna for seeding xoshiro. SplitMix64's output function is a bijection of its
     * counter, so the four words are pairwise distinct and the forbidden all-zero state can never occur.
     * Any {@code long} is a valid key. Does not allocate.
     *
     * @param key the stream key, normally from {@link Streams#key(long, long, int, int, int)}
     */
    public void reset(long key) {
        long x = key;
        x += GOLDEN_GAMMA;
        s0 = splitMixOutput(x);
        x += GOLDEN_GAMMA;
        s1 = splitMixOutput(x);
        x += GOLDEN_GAMMA;
        s2 = splitMixOutput(x);
        x += GOLDEN_GAMMA;
        s3 = splitMixOutput(x);
    }

    /** SplitMix64 output function (Stafford's "Mix13" variant of the MurmurHash3 finaliser). */
    private static long splitMixOutput(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the next 64-bit output of xoshiro256++ (Blackman and Vigna 2018):
     * {@code rotl(s0 + s3, 23) + s0}, followed by the xoshiro256 linear state transition. Every
     * {@code long} value is possible; the period is 2^256 - 1. Does not allocate.
     *
     * @return 64 uniformly distributed random bits
     */
    @Override
    public long nextLong() {
        final long t0 = s0;
        final long t1 = s1;
        final long t2 = s2;
        final long t3 = s3;
        final long result = Long.rotateLeft(t0 + t3, 23) + t0;
        final long t = t1 << 17;
        final long n2 = t2 ^ t0;
        final long n3 = t3 ^ t1;
        s1 = t1 ^ n2;
        s0 = t0 ^ n3;
        s2 = n2 ^ t;
        s3 = Long.rotateLeft(n3, 45);
        return result;
    }

    /**
     * Returns a uniform double in the half-open interval [0, 1): the top 53 bits of
     * {@link #nextLong()} scaled by 2^-53, i.e. {@code (nextLong() >>> 11) * 0x1.0p-53}. All 2^53
     * multiples of 2^-53 in [0, 1) are equally likely (0 included, 1 excluded). Does not allocate.
     *
     * @return a uniform value in [0, 1)
     */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Returns a uniform double in the open interval (0, 1), suitable for {@code Math.log(u)} or
     * {@code Math.pow(u, negative)}. The value is the midpoint of one of 2^52 equal sub-intervals of
     * (0, 1) chosen by the top 52 bits of {@link #nextLong()}: {@code ((nextLong() >>> 12) + 0.5) *
     * 0x1.0p-52}, i.e. an odd multiple of 2^-53, from 2^-53 up to 1 - 2^-53. Every such value is
     * exactly representable, so 0 and 1 are never returned. Does not allocate.
     *
     * <p>Note: the superficially similar {@code ((nextLong() >>> 11) + 0.5) * 0x1.0p-53} is NOT open:
     * for results above 0.5 the addition of 0.5 is a rounding tie, and when the top 53 bits are all
     * ones it rounds to exactly 1.0. That is why 52 bits are used here.
     *
     * @return a uniform value in (0, 1)
     */
    public double nextOpenDouble() {
        return openUnit(nextLong());
    }

    /**
     * Maps 64 random bits to an odd multiple of 2^-53 in (0, 1) (see {@link #nextOpenDouble()}).
     *
     * @param bits random bits; only the top 52 are used
     * @return {@code ((bits >>> 12) + 0.5) * 2^-52}, strictly between 0 and 1
     */
    static double openUnit(long bits) {
        return ((bits >>> 12) + 0.5) * 0x1.0p-52;
    }

    /**
     * Copy of the four state words (for tests that compare with a reference implementation). Allocates;
     * not for use in simulation code.
     *
     * @return {@code {s0, s1, s2, s3}}
     */
    long[] stateCopy() {
        return new long[] {s0, s1, s2, s3};
    }
}
