package dev.lamina.runtime.data;

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
                            float[] images, int[] labels) {

    public LabeledImages {
        Objects.requireNonNull(name, "name");
        if ((long) labels.length * channels * height * width != images.length) {
            throw new IllegalArgumentException(name + ": " + images.length + " values do not hold "
                    + labels.length + " examples of " + channels + "x" + height + "x" + width);
        }
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Values per example, C * H * W. */
    public int exampleSize() {
        return channels * height * width;
    }

    /**
     * A copy holding the examples at {@code indices}, in that order.
     *
     * @param newName the copy's {@link #name()}
     */
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
    public LabeledImages subset(int n, long seed) {
        if (n >= size()) {
            return this;
        }
        int[] chosen = Sampling.stratified(labels, classes, n, Seeds.random(seed, Seeds.SUBSET));
        return select(name + " (subset of " + n + ")", chosen);
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
