package dev.lamina.runtime.data;

/** Small in-memory sets for tests. */
final class TestSets {

    private TestSets() {}

    /**
     * {@code n} single-pixel-per-channel-plane examples of shape (channels, h, w) whose values
     * all equal the example's index, labelled {@code index % classes}; so a batch value tells
     * which example it came from.
     */
    static LabeledImages indexed(int n, int classes, int channels, int h, int w) {
        int size = channels * h * w;
        float[] images = new float[n * size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(images, i * size, (i + 1) * size, i);
            labels[i] = i % classes;
        }
        return new LabeledImages("indexed", channels, h, w, classes, images, labels);
    }
}
