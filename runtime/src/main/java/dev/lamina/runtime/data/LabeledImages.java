package dev.lamina.runtime.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An in-memory set of labelled examples of one shape (C, H, W), stored as one float array,
 * channels-first, example after example. Vectors use H = W = 1.
 *
 * @param name what it is, for messages (e.g. {@code "fashion-mnist train"})
 * @param channels C
 * @param height H
 * @param width W
 * @param classes number of classes; labels are in [0, classes)
 * @param images {@code size() * C * H * W} values
 * @param labels one label per example
 */
public record LabeledImages(String name, int channels, int height, int width, int classes,
                            float[] images, int[] labels) implements ExampleSet {

    public LabeledImages {
        Objects.requireNonNull(name, "name");
        if ((long) labels.length * channels * height * width != images.length) {
            throw new IllegalArgumentException(name + ": " + images.length + " values do not hold "
                    + labels.length + " examples of " + channels + "x" + height + "x" + width);
        }
    }

    /** Number of examples. */
    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int read(int index, float[] dst, int offset) {
        int size = exampleSize();
        System.arraycopy(images, index * size, dst, offset, size);
        return labels[index];
    }

    @Override
    public String fingerprint() {
        int checksum = 31 * Arrays.hashCode(labels) + Arrays.hashCode(images);
        return String.format(Locale.ROOT, "'%s' (%d examples of %dx%dx%d, %d classes, checksum %08x)", name,
                size(), channels, height, width, classes, checksum);
    }

    /**
     * A copy holding the examples at {@code indices}, in that order.
     *
     * @param newName the copy's {@link #name()}
     */
    @Override
    public LabeledImages select(String newName, int[] indices) {
        int size = exampleSize();
        float[] picked = new float[indices.length * size];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(images, indices[i] * size, picked, i * size, size);
            pickedLabels[i] = labels[indices[i]];
        }
        return new LabeledImages(newName, channels, height, width, classes, picked, pickedLabels);
    }

    /**
     * A stratified random subset of {@code n} examples (every class keeps its share), the same for
     * the same seed; examples keep their original relative order. Returns this set when
     * {@code n >= size()}.
     */
    @Override
    public LabeledImages subset(int n, long seed) {
        if (n >= size()) {
            return this;
        }
        int[] chosen = Sampling.stratified(labels, classes, n, Seeds.random(seed, Seeds.SUBSET));
        return select(name + " (subset of " + n + ")", chosen);
    }

    /**
     * {@code set} held in memory: itself when it is a {@code LabeledImages}, else every example
     * read into one array (only for sets that fit: fewer than 2^31 values).
     */
    public static LabeledImages copyOf(ExampleSet set) {
        if (set instanceof LabeledImages images) {
            return images;
        }
        long values = (long) set.size() * set.exampleSize();
        if (values > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(set.name() + ": " + values + " values do not fit in one"
                    + " array; stream it instead (Trainer.fit takes any ExampleSet)");
        }
        float[] images = new float[(int) values];
        int[] labels = new int[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.read(i, images, i * set.exampleSize());
        }
        return new LabeledImages(set.name(), set.channels(), set.height(), set.width(), set.classes(),
                images, labels);
    }

    /** Number of examples of each class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
