package dev.lamina.runtime.data;

/**
 * How {@link BatchStream} cuts a set into batches.
 *
 * @param batchSize examples per batch (the last batch may be smaller unless {@code dropLast})
 * @param shuffle whether each epoch visits the examples in an order drawn from (seed, epoch)
 * @param dropLast whether to leave out a last batch smaller than {@code batchSize}
 * @param seed fixes the order and the augmentation
 * @param augmentation applied to every batch ({@link Augmentation#NONE} for none)
 * @param normalization applied after augmentation, or {@code null} for none
 * @param prefetch batches built ahead on a background thread; 0 builds them on the caller's thread
 */
public record BatchOptions(int batchSize, boolean shuffle, boolean dropLast, long seed,
                           Augmentation augmentation, Normalization normalization, int prefetch) {

    /** Prefetch depth of the factory methods: enough to hide building behind one training step. */
    public static final int DEFAULT_PREFETCH = 2;

    public BatchOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (prefetch < 0) {
            throw new IllegalArgumentException("prefetch must be >= 0, got " + prefetch);
        }
        if (augmentation == null) {
            augmentation = Augmentation.NONE;
        }
    }

    /** Shuffled, last partial batch kept, no augmentation or normalization, prefetched. */
    public static BatchOptions training(int batchSize, long seed) {
        return new BatchOptions(batchSize, true, false, seed, Augmentation.NONE, null,
                DEFAULT_PREFETCH);
    }

    /** In order, every example once, nothing random; for evaluation. */
    public static BatchOptions evaluation(int batchSize) {
        return new BatchOptions(batchSize, false, false, 0, Augmentation.NONE, null,
                DEFAULT_PREFETCH);
    }

    /** The same options with {@code augmentation}. */
    public BatchOptions withAugmentation(Augmentation augmentation) {
        return new BatchOptions(batchSize, shuffle, dropLast, seed, augmentation, normalization,
                prefetch);
    }

    /** The same options with {@code normalization} ({@code null} for none). */
    public BatchOptions withNormalization(Normalization normalization) {
        return new BatchOptions(batchSize, shuffle, dropLast, seed, augmentation, normalization,
                prefetch);
    }

    /** The same options with another prefetch depth (0: no background thread). */
    public BatchOptions withPrefetch(int prefetch) {
        return new BatchOptions(batchSize, shuffle, dropLast, seed, augmentation, normalization,
                prefetch);
    }

    /** The same options, dropping (or keeping) a last partial batch. */
    public BatchOptions withDropLast(boolean dropLast) {
        return new BatchOptions(batchSize, shuffle, dropLast, seed, augmentation, normalization,
                prefetch);
    }

    /** Number of batches an epoch over {@code examples} examples yields. */
    public int batchCount(int examples) {
        // in long: examples + batchSize overflows an int for a batch size near Integer.MAX_VALUE
        return (int) (dropLast ? examples / batchSize : ((long) examples + batchSize - 1) / batchSize);
    }
}
