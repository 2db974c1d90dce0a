package dev.lamina.runtime.data;

import java.util.Random;

/**
 * Training-time augmentation of channels-first images: a random crop after zero padding (the
 * image shifts by up to {@code padding} pixels in each direction, uncovered pixels become 0) and
 * a random horizontal flip. Randomness comes from the caller's seeded {@link Random}, so equal
 * seeds give equal images. Apply it before {@link Normalization}, so padding is black.
 *
 * @param padding maximum shift in pixels, 0 for no crop
 * @param flip whether to mirror half of the images left-right
 */
public record Augmentation(int padding, boolean flip) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (padding < 0) {
            throw new IllegalArgumentException("augmentation padding must be >= 0, got " + padding);
        }
    }

    /**
     * The usual augmentation for a dataset: CIFAR pad 4 and flip; Fashion-MNIST pad 2 and flip;
     * MNIST pad 2 without flip (a mirrored digit is another symbol).
     */
    public static Augmentation standard(DatasetKind kind) {
        return switch (kind) {
            case CIFAR10, CIFAR100 -> new Augmentation(4, true);
            case FASHION_MNIST -> new Augmentation(2, true);
            case MNIST -> new Augmentation(2, false);
        };
    }

    /** Whether it changes anything. */
    public boolean enabled() {
        return padding > 0 || flip;
    }

    /**
     * Augments {@code count} examples of shape (C, H, W) stored one after the other in
     * {@code images}, in place. Each example draws its shift and flip from {@code random} in
     * order, a fixed number of draws per example.
     */
    public void apply(float[] images, int count, int channels, int height, int width,
                      Random random) {
        if (!enabled()) {
            return;
        }
        int size = channels * height * width;
        float[] scratch = new float[size];
        for (int example = 0; example < count; example++) {
            int offset = example * size;
            int dy = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
            int dx = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
            boolean mirror = flip && random.nextBoolean();
            if (dy != 0 || dx != 0) {
                shift(images, offset, channels, height, width, dy, dx, scratch);
            }
            if (mirror) {
                flipHorizontal(images, offset, channels, height, width);
            }
        }
    }

    /**
     * Crops the window whose top-left corner is at ({@code dy}, {@code dx}) of the zero-padded
     * image: output pixel (y, x) is input pixel (y + dy, x + dx), or 0 outside the image.
     */
    static void shift(float[] images, int offset, int channels, int height, int width, int dy,
                      int dx, float[] scratch) {
        int size = channels * height * width;
        System.arraycopy(images, offset, scratch, 0, size);
        java.util.Arrays.fill(images, offset, offset + size, 0f);
        int x0 = Math.max(0, -dx);
        int x1 = Math.min(width, width - dx);
        if (x1 <= x0) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            for (int y = Math.max(0, -dy); y < Math.min(height, height - dy); y++) {
                int to = offset + (c * height + y) * width;
                int from = (c * height + y + dy) * width;
                System.arraycopy(scratch, from + x0 + dx, images, to + x0, x1 - x0);
            }
        }
    }

    /** Mirrors one image left-right in place. */
    static void flipHorizontal(float[] images, int offset, int channels, int height, int width) {
        for (int row = 0; row < channels * height; row++) {
            int start = offset + row * width;
            for (int left = start, right = start + width - 1; left < right; left++, right--) {
                float swap = images[left];
                images[left] = images[right];
                images[right] = swap;
            }
        }
    }
}
