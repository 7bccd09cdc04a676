package dev.interlock.engine.random;

import java.nio.charset.StandardCharsets;

/**
 * Key derivation for random streams. Every stream is a pure function of its coordinates (run seed,
 * trial, purpose, month, sub-stream), never of thread, scheduling or creation order, so results are
 * reproducible whatever the parallelism.
 *
 * <p>This implements MODEL.md section 7: "streams split by purpose" ({@link #key}: one stream per
 * trial, purpose such as a model stage, and month) and "one uniform per uncertain input"
 * ({@link #uniform}: the uniform that an input named by its key path is drawn from by inverse CDF).
 *
 * <p>All functions here are pure, thread-safe and use only integer arithmetic, so they give the same
 * result on every JVM and platform. The mixing function is the 64-bit finaliser {@code fmix64} of
 * MurmurHash3 (A. Appleby, 2011), a bijection of {@code long} with full avalanche.
 */
public final class Streams {

    /** Starting value of the {@link #key} chain (first 64 bits of the fractional part of sqrt(2)). */
    private static final long KEY_IV = 0x6A09E667F3BCC908L;
    /** Starting value of the {@link #uniform} chain (first 64 bits of the fractional part of sqrt(3)). */
    private static final long UNIFORM_IV = 0xBB67AE8584CAA73BL;

    // Distinct odd multipliers, one per coordinate (odd => multiplication is a bijection mod 2^64).
    private static final long K_SEED = 0x9E3779B97F4A7C15L;
    private static final long K_TRIAL = 0xC2B2AE3D27D4EB4FL;
    private static final long K_PURPOSE = 0x165667B19E3779F9L;
    private static final long K_MONTH = 0x27D4EB2F165667C5L;
    private static final long K_SUB = 0x85EBCA77C2B2AE63L;
    private static final long K_U_SEED = 0xD6E8FEB86659FD93L;
    private static final long K_U_TRIAL = 0xFF51AFD7ED558CCDL;
    private static final long K_U_NAME = 0xC4CEB9FE1A85EC53L;

    /** FNV-1a 64-bit offset basis. */
    static final long FNV_OFFSET = 0xCBF29CE484222325L;
    /** FNV-1a 64-bit prime. */
    static final long FNV_PRIME = 0x100000001B3L;

    private Streams() {
    }

    /**
     * Derives the key of one random stream, to be passed to {@link StreamRng#reset(long)}.
     *
     * <p>Algorithm: starting from a fixed constant, each coordinate {@code x} in the order seed,
     * trial, purpose, month, sub is absorbed as {@code h = fmix64(h + x * K)} with a distinct odd
     * constant {@code K} per coordinate ({@code int} coordinates are sign-extended). For fixed values
     * of the other coordinates each step is a bijection both of {@code x} and of the incoming
     * {@code h}, so changing any single coordinate always changes the key (a proof, not merely a
     * probability); different coordinate tuples collide only with the generic probability of about
     * 2^-64 per pair. Because every step ends in {@code fmix64}, a one-bit change in any coordinate
     * flips about half of the key bits.
     *
     * @param seed    the run seed (any value)
     * @param trial   the trial index (any value)
     * @param purpose the purpose / consumer identifier (any value)
     * @param month   the month index (any value)
     * @param sub     a sub-stream index for further splitting (any value; use 0 if unused)
     * @return a well-mixed 64-bit stream key
     */
    public static long key(long seed, long trial, int purpose, int month, int sub) {
        return monthKey(purposeKey(seed, trial, purpose), month, sub);
    }

    /**
     * The first three steps of {@link #key}: the chain state after seed, trial and purpose. A trial's
     * kernel computes it once per purpose and then derives each month's key with {@link #monthKey}, two
     * {@code fmix64} steps instead of five; the keys are identical.
     *
     * @param seed    the run seed
     * @param trial   the trial index
     * @param purpose the purpose / consumer identifier
     * @return the intermediate chain state (not itself a stream key)
     */
    public static long purposeKey(long seed, long trial, int purpose) {
        long h = KEY_IV;
        h = fmix64(h + seed * K_SEED);
        h = fmix64(h + trial * K_TRIAL);
        return fmix64(h + purpose * K_PURPOSE);
    }

    /**
     * The last two steps of {@link #key}: {@code monthKey(purposeKey(seed, trial, purpose), month, sub)
     * == key(seed, trial, purpose, month, sub)}.
     *
     * @param purposeKey the value of {@link #purposeKey} for the stream's seed, trial and purpose
     * @param month      the month index
     * @param sub        the sub-stream index
     * @return the stream key
     */
    public static long monthKey(long purposeKey, int month, int sub) {
        return fmix64(fmix64(purposeKey + month * K_MONTH) + sub * K_SUB);
    }

    /**
     * Stable 64-bit hash of a name such as a parameter key path: FNV-1a 64 (G. Fowler, L. C. Noll,
     * K.-P. Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the UTF-8 encoding of the
     * string, followed by {@code fmix64} to spread FNV's weakly mixed high bits. The UTF-8 encoding is
     * that of {@link StandardCharsets#UTF_8} (unpaired surrogates become '?'), so the value is the same
     * on every JVM, platform and default charset. Allocates a temporary byte array: meant for set-up
     * code, not inner loops.
     *
     * @param keyPath the name to hash; must not be {@code null} (the empty string is allowed)
     * @return the 64-bit hash
     * @throws NullPointerException if {@code keyPath} is {@code null}
     */
    public static long hashName(String keyPath) {
        return fmix64(fnv1a64(keyPath.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Plain FNV-1a 64 of a byte array (no finaliser).
     *
     * @param bytes the data
     * @return the FNV-1a 64-bit hash
     */
    static long fnv1a64(byte[] bytes) {
        long h = FNV_OFFSET;
        for (byte b : bytes) {
            h ^= b & 0xFFL;
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * One uniform random number in the open interval (0, 1) that is a pure function of its three
     * arguments; used for per-trial draws of named parameters (for example sampling an uncertain
     * input once per trial) without creating a stream.
     *
     * <p>Algorithm: the chain {@code h = fmix64(h + x * K)} (as in {@link #key}, but with its own
     * starting value and constants, so it never coincides with the key chain) over seed, trial and
     * name hash; the top 52 bits of the result give an odd multiple of 2^-53, as in
     * {@link StreamRng#nextOpenDouble()}. Never returns 0 or 1. Changing any single argument always
     * changes {@code h}, so the result changes unless the two hashes agree in their top 52 bits
     * (probability 2^-52). Thread-safe, allocation-free.
     *
     * @param seed     the run seed (any value)
     * @param trial    the trial index (any value)
     * @param nameHash the hash of the parameter name, normally from {@link #hashName(String)}
     * @return a uniform value strictly between 0 and 1
     */
    public static double uniform(long seed, long trial, long nameHash) {
        long h = UNIFORM_IV;
        h = fmix64(h + seed * K_U_SEED);
        h = fmix64(h + trial * K_U_TRIAL);
        h = fmix64(h + nameHash * K_U_NAME);
        return StreamRng.openUnit(h);
    }

    /**
     * MurmurHash3 64-bit finaliser (a bijection with full avalanche).
     *
     * @param k input
     * @return mixed output
     */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
