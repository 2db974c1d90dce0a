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
}
