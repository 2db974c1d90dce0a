package dev.lamina.runtime.data;

import java.util.Random;

/**
 * Derives independent, reproducible random streams from a user seed and a few coordinates
 * (epoch, batch index, purpose), so that results never depend on call order or threads.
 */
final class Seeds {

    /** Purposes, mixed into the seed so two uses of the same seed do not correlate. */
    static final long SUBSET = 0x5B5E7L;
    static final long VALIDATION = 0x7A11DL;
    static final long ORDER = 0x0D3E5L;
    static final long AUGMENT = 0xA06E7L;
    static final long TEST_SPLIT = 0x7E57L;

    private Seeds() {}

    /** A fresh {@link Random} seeded from the mix of all parts. */
    static Random random(long... parts) {
        return new Random(mix(parts));
    }

    /** Mixes parts with the SplitMix64 finalizer; a change in any part changes the result. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h = finalize(h ^ finalize(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long finalize(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
