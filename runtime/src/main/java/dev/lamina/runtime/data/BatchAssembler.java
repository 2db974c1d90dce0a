package dev.lamina.runtime.data;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Builds batch {@code b} of one epoch: copies (or, for streamed sets, reads in parallel on the
 * common fork-join pool) the examples the epoch's order puts there, then
 * augments (random stream from seed, epoch and b) and normalizes. Stateless after construction,
 * so any thread may build any batch and the result is the same.
 */
final class BatchAssembler {

    private final ExampleSet data;
    private final BatchOptions options;
    private final int epoch;
    private final int[] order;

    BatchAssembler(ExampleSet data, BatchOptions options, int epoch) {
        if (options.normalization() != null) {
            options.normalization().checkChannels(data.channels(), data.name());
        }
        this.data = data;
        this.options = options;
        this.epoch = epoch;
        this.order = order(data.size(), options, epoch);
    }

    int batchCount() {
        return options.batchCount(data.size());
    }

    Batch build(int b) {
        int start = b * options.batchSize();
        int n = Math.min(options.batchSize(), data.size() - start);
        int size = data.exampleSize();
        float[] images = new float[n * size];
        int[] labels = new int[n];
        int width = data.targetWidth();
        float[] targets = width == 0 ? null : new float[n * width];
        if (data instanceof LabeledImages) {
            for (int i = 0; i < n; i++) {
                labels[i] = data.read(order[start + i], images, i * size);
            }
        } else if (width > 0) {
            IntStream.range(0, n).parallel().forEach(i -> {
                labels[i] = data.read(order[start + i], images, i * size);
                data.readTargets(order[start + i], targets, i * width);
            });
        } else {
            // decoded from files or read through DJL: spread over the cores (disjoint slices, so
            // the batch is the same whatever thread reads which example)
            IntStream.range(0, n).parallel().forEach(i -> labels[i] = data.read(order[start + i], images, i * size));
        }
        if (options.augmentation().enabled()) {
            Random random = Seeds.random(options.seed(), Seeds.AUGMENT, epoch, b);
            options.augmentation().apply(images, n, data.channels(), data.height(), data.width(),
                    random);
        }
        if (options.normalization() != null) {
            options.normalization().applyInPlace(images, n, data.height() * data.width());
        }
        return new Batch(images, labels, targets, n);
    }

    /** Identity when not shuffling, else a permutation drawn from (seed, epoch). */
    static int[] order(int size, BatchOptions options, int epoch) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (options.shuffle()) {
            Random random = Seeds.random(options.seed(), Seeds.ORDER, epoch);
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }
}
