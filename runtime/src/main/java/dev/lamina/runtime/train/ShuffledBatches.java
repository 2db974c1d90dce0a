package dev.lamina.runtime.train;

import dev.lamina.runtime.data.Batch;
import dev.lamina.runtime.data.LabeledImages;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Mini-batches over an in-memory set, in a fresh seeded permutation each epoch (or in order, for
 * evaluation). The permutation of epoch e depends only on (seed, e), so a resumed run sees the
 * same data order as an uninterrupted one.
 */
final class ShuffledBatches implements BatchSource {

    private final LabeledImages data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;

    ShuffledBatches(LabeledImages data, int batchSize, long seed, boolean shuffle) {
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
    }

    @Override
    public int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> epoch(int epoch) {
        int[] order = order(epoch);
        int example = data.exampleSize();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int size = Math.min(batchSize, order.length - next);
                float[] images = new float[size * example];
                int[] labels = new int[size];
                for (int i = 0; i < size; i++) {
                    int src = order[next + i];
                    System.arraycopy(data.images(), src * example, images, i * example, example);
                    labels[i] = data.labels()[src];
                }
                next += size;
                return new Batch(images, labels, size);
            }
        };
    }

    private int[] order(int epoch) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed * 1_000_003L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
