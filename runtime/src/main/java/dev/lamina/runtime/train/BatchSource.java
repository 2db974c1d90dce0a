package dev.lamina.runtime.train;

import dev.lamina.runtime.data.Batch;
import java.util.Iterator;

/**
 * Where an epoch's mini-batches come from. The trainer's own {@link ShuffledBatches} is the one
 * implementation today; the data layer's prefetching stream can take its place.
 */
interface BatchSource {

    /** Batches per epoch (the last one may be smaller). */
    int batchesPerEpoch();

    /** The batches of epoch {@code epoch} (1-based); the order depends only on the seed and epoch. */
    Iterator<Batch> epoch(int epoch);
}
