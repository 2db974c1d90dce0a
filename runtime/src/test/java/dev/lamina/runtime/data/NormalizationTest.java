package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    /**
     * Two examples of two channels of 1x2 pixels. Channel 0 holds 1, 3, 5, 7: mean 4, population
     * variance (9 + 1 + 1 + 9) / 4 = 5. Channel 1 holds 2, 2, 2, 2: mean 2, std taken as 1.
     */
    private static final LabeledImages TRAIN = new LabeledImages("train", 2, 1, 2, 2,
            new float[] {1, 3, 2, 2, 5, 7, 2, 2}, new int[] {0, 1});

    @Test
    void fitsPerChannelStatisticsOnTheTrainingSet() {
        Normalization n = Normalization.fit(TRAIN);
        assertArrayEquals(new double[] {4, 2}, n.mean(), 1e-9);
        assertArrayEquals(new double[] {Math.sqrt(5), 1}, n.std(), 1e-9);
    }

    @Test
    void appliesTrainStatisticsToEverySplit() {
        Normalization n = Normalization.fit(TRAIN);
        LabeledImages test = new LabeledImages("test", 2, 1, 2, 2, new float[] {4, 4 + 2.236068f,
                3, 0}, new int[] {1});
        DataSplits normalized = n.apply(new DataSplits(TRAIN, test));
        float s = (float) Math.sqrt(5);
        assertArrayEquals(new float[] {-3 / s, -1 / s, 0, 0, 1 / s, 3 / s, 0, 0},
                LabeledImages.copyOf(normalized.train()).images(), 1e-6f);
        assertArrayEquals(new float[] {0, 1, 1, -2}, LabeledImages.copyOf(normalized.test()).images(), 1e-5f);
        assertArrayEquals(new float[] {1, 3, 2, 2, 5, 7, 2, 2}, TRAIN.images(), "input untouched");
    }

    @Test
    void savesAndRestoresAsPlainNumbers() {
        Normalization n = new Normalization(new double[] {0.2860, 0.1}, new double[] {0.353, 2});
        String text = n.format();
        assertEquals("mean=0.286,0.1 std=0.353,2.0", text);
        assertEquals(n, Normalization.parse(text));
        assertThrows(IllegalArgumentException.class, () -> Normalization.parse("0.2 0.3"));
    }

    @Test
    void refusesSetsWithOtherChannelCounts() {
        Normalization grey = new Normalization(new double[] {0.5}, new double[] {0.25});
        assertThrows(IllegalArgumentException.class, () -> grey.apply(TRAIN));
        assertThrows(IllegalArgumentException.class,
                () -> new Normalization(new double[] {0.5}, new double[] {0}));
    }
}
