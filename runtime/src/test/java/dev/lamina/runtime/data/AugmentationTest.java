package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    /** One 2-channel 2x3 image: channel 0 rows (1 2 3)(4 5 6), channel 1 rows (7 8 9)(10 11 12). */
    private static float[] image() {
        return new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    }

    @Test
    void flipMirrorsEveryRowOfEveryChannel() {
        float[] x = image();
        Augmentation.flipHorizontal(x, 0, 2, 2, 3);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10}, x);
    }

    @Test
    void cropShiftsTheImageAndFillsWithZeros() {
        float[] x = image();
        Augmentation.shift(x, 0, 2, 2, 3, 1, -1, new float[12]);
        // output (y, x) = input (y + 1, x - 1): row 0 takes input row 1 moved right, row 1 is padding
        assertArrayEquals(new float[] {0, 4, 5, 0, 0, 0, 0, 10, 11, 0, 0, 0}, x);
    }

    @Test
    void cropBeyondTheImageLeavesOnlyPadding() {
        float[] x = image();
        Augmentation.shift(x, 0, 2, 2, 3, 0, 3, new float[12]);
        assertArrayEquals(new float[12], x);
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        float[] ramp = new float[64];
        for (int i = 0; i < 64; i++) {
            ramp[i] = i + 1;
        }
        float[] many = new float[64 * 20];
        for (int k = 0; k < 20; k++) {
            System.arraycopy(ramp, 0, many, k * 64, 64);
        }
        Augmentation augmentation = new Augmentation(2, true);
        float[] a = many.clone();
        float[] b = many.clone();
        float[] c = many.clone();
        augmentation.apply(a, 20, 1, 8, 8, new Random(5));
        augmentation.apply(b, 20, 1, 8, 8, new Random(5));
        augmentation.apply(c, 20, 1, 8, 8, new Random(6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(a, many), "20 images cannot all come out unchanged");
    }

    @Test
    void noneChangesNothing() {
        float[] x = image();
        Augmentation.NONE.apply(x, 1, 2, 2, 3, new Random(1));
        assertArrayEquals(image(), x);
        assertFalse(Augmentation.NONE.enabled());
        assertTrue(Augmentation.standard(DatasetKind.CIFAR10).flip());
        assertFalse(Augmentation.standard(DatasetKind.MNIST).flip());
    }
}
