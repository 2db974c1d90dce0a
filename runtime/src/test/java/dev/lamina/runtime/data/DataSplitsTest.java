package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitsTest {

    private static final LabeledImages TRAIN = TestSets.indexed(1000, 10, 1, 2, 2);
    private static final LabeledImages TEST = TestSets.indexed(100, 10, 1, 2, 2);

    /** The example ids (their pixel value) held by a set. */
    private static int[] ids(ExampleSet examples) {
        LabeledImages set = LabeledImages.copyOf(examples);
        return IntStream.range(0, set.size())
                .map(i -> (int) set.images()[i * set.exampleSize()]).toArray();
    }

    @Test
    void subsetIsStratifiedAndDeterministic() {
        LabeledImages a = TRAIN.subset(100, 7);
        LabeledImages b = TRAIN.subset(100, 7);
        LabeledImages c = TRAIN.subset(100, 8);
        assertEquals(100, a.size());
        int[] tenEach = new int[10];
        Arrays.fill(tenEach, 10);
        assertArrayEquals(tenEach, a.classCounts());
        assertArrayEquals(ids(a), ids(b));
        assertFalse(Arrays.equals(ids(a), ids(c)));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(ids(a)[i] % 10, a.labels()[i], "labels travel with their images");
        }
        assertEquals(100, Arrays.stream(ids(a)).distinct().count());
    }

    @Test
    void subsetOfUnevenClassesKeepsProportions() {
        int[] labels = new int[30];
        Arrays.fill(labels, 20, 30, 1); // 20 of class 0, 10 of class 1
        LabeledImages uneven = new LabeledImages("uneven", 1, 1, 1, 2, new float[30], labels);
        assertArrayEquals(new int[] {4, 2}, uneven.subset(6, 1).classCounts());
        assertArrayEquals(new int[] {5, 2}, uneven.subset(7, 1).classCounts());
    }

    @Test
    void subsetLargerThanTheSetIsTheSet() {
        assertSame(TRAIN, TRAIN.subset(5000, 1));
    }

    @Test
    void validationSplitIsDisjointCompleteAndDeterministic() {
        DataSplits splits = new DataSplits(TRAIN, TEST).withValidation(0.1, 42);
        assertTrue(splits.hasValidation());
        assertEquals(900, LabeledImages.copyOf(splits.train()).size());
        assertEquals(100, LabeledImages.copyOf(splits.validation()).size());
        assertSame(TEST, splits.test());
        assertSame(splits.validation(), splits.validationOrTest());
        int[] all = IntStream.concat(Arrays.stream(ids(splits.train())),
                Arrays.stream(ids(splits.validation()))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), all, "every example exactly once");
        int[] tenEach = new int[10];
        Arrays.fill(tenEach, 10);
        assertArrayEquals(tenEach, LabeledImages.copyOf(splits.validation()).classCounts());

        DataSplits again = new DataSplits(TRAIN, TEST).withValidation(0.1, 42);
        assertArrayEquals(ids(splits.validation()), ids(again.validation()));
        DataSplits other = new DataSplits(TRAIN, TEST).withValidation(0.1, 43);
        assertFalse(Arrays.equals(ids(splits.validation()), ids(other.validation())));
    }

    @Test
    void validationFractionMustLeaveBothSidesNonEmpty() {
        DataSplits splits = new DataSplits(TRAIN, TEST);
        assertThrows(IllegalArgumentException.class, () -> splits.withValidation(0, 1));
        assertThrows(IllegalArgumentException.class, () -> splits.withValidation(1, 1));
        assertThrows(IllegalArgumentException.class, () -> splits.withValidation(0.0001, 1));
        assertThrows(IllegalStateException.class,
                () -> splits.withValidation(0.5, 1).withValidation(0.5, 1));
        assertSame(TEST, splits.validationOrTest());
    }

    @Test
    void splitsSubsetShrinksTrainAndTest() {
        DataSplits small = new DataSplits(TRAIN, TEST).subset(50, 20, 3);
        assertEquals(50, small.train().size());
        assertEquals(20, small.test().size());
    }
}
