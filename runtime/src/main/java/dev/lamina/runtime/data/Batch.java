package dev.lamina.runtime.data;

/**
 * One mini-batch ready to become tensors: {@code size} examples of {@code exampleSize} floats,
 * their labels, and, for a set whose examples carry float targets ({@link
 * ExampleSet#targetWidth()} above 0: multi-label, regression), their {@code size * targetWidth}
 * targets row by row ({@code null} otherwise).
 */
public record Batch(float[] images, int[] labels, float[] targets, int size) {

    /** A batch of class labels only. */
    public Batch(float[] images, int[] labels, int size) {
        this(images, labels, null, size);
    }
}
