package dev.lamina.runtime.data;

/**
 * One mini-batch ready to become tensors: {@code size} examples of {@code exampleSize} floats,
 * and their labels.
 */
public record Batch(float[] images, int[] labels, int size) {}
