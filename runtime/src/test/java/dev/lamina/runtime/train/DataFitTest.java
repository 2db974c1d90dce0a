package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.LabeledImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data that does not fit the model is refused before the first step, naming both shapes. */
class DataFitTest {

    private static final LabeledImages TRAIN = Fixtures.leftRight("train", 64, 1);
    private static final LabeledImages TEST = Fixtures.leftRight("test", 32, 2);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private Trainer trainer() {
        return new Trainer(Fixtures.quick().outputDir(dir)
                .progress(new PrintStream(printed, true, StandardCharsets.UTF_8)).build());
    }

    private static LabeledImages zeros(String name, int c, int h, int w, int classes, int n) {
        return new LabeledImages(name, c, h, w, classes, new float[n * c * h * w], new int[n]);
    }

    private InvalidInputException refused(Runnable fit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, fit::run);
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(Files.exists(dir.resolve("last.json")), "nothing was trained or saved");
        assertFalse(printed.toString(StandardCharsets.UTF_8).contains("epoch 1"), "no epoch started");
        return e;
    }

    @Test
    void cifarShapedDataOnAGreyModelIsRefused() {
        // The reproduction of the issue, in small: 3-channel colour data for a 1-channel model
        // used to be cut into 1-channel chunks across example boundaries and train silently.
        LabeledImages colour = zeros("cifar10 train", 3, 8, 8, 2, 50);
        InvalidInputException e = refused(() -> trainer().fit(Fixtures.smallCnn(2), Fixtures.INPUT, colour, TEST));
        assertTrue(e.getMessage().contains("'cifar10 train' holds examples of shape (3, 8, 8), but the model"
                + " takes (1, 8, 8)"), e.getMessage());
        assertTrue(e.getMessage().contains("use data of shape (1, 8, 8)"), e.getMessage());
    }

    @Test
    void sameValueCountInAnotherShapeIsRefused() {
        // 1x4x16 holds 64 values like 1x8x8: a count check would let it through.
        InvalidInputException e = refused(() -> trainer().fit(Fixtures.smallCnn(2), Fixtures.INPUT,
                zeros("wide", 1, 4, 16, 2, 40), TEST));
        assertTrue(e.getMessage().contains("(1, 4, 16)") && e.getMessage().contains("(1, 8, 8)"), e.getMessage());
    }

    @Test
    void theValidationAndTestSetsAreCheckedToo() {
        InvalidInputException validation = refused(() -> trainer().fit(Fixtures.smallCnn(2), Fixtures.INPUT,
                TRAIN, zeros("val", 1, 7, 7, 2, 8), TEST));
        assertTrue(validation.getMessage().startsWith("the validation set 'val'"), validation.getMessage());
        InvalidInputException test = refused(() -> trainer().fit(Fixtures.smallCnn(2), Fixtures.INPUT,
                TRAIN, zeros("tst", 1, 8, 9, 2, 8)));
        assertTrue(test.getMessage().startsWith("the test set 'tst'"), test.getMessage());
    }

    @Test
    void imagesForAVectorModelAreRefusedAndVectorsOfTheRightLengthAccepted() {
        SequentialBlock mlp = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        InvalidInputException e = refused(() -> trainer().fit(mlp, new Shape(1, 64), TRAIN, TEST));
        assertTrue(e.getMessage().contains("shape (1, 8, 8), but the model takes (64)"), e.getMessage());

        LabeledImages vectors = new LabeledImages("vectors", 64, 1, 1, 2, TRAIN.images(), TRAIN.labels());
        LabeledImages vectorTest = new LabeledImages("vector test", 64, 1, 1, 2, TEST.images(), TEST.labels());
        SequentialBlock mlp2 = new SequentialBlock().add(Linear.builder().setUnits(2).build());
        TrainingResult result = new Trainer(Fixtures.quick().epochs(1).build())
                .fit(mlp2, new Shape(1, 64), vectors, vectorTest);
        assertTrue(result.testAccuracy() >= 0, "a (64) set trains a (64) model");
    }

    @Test
    void moreClassesThanOutputsIsRefused() {
        LabeledImages hundred = new LabeledImages("cifar100 train", 1, 8, 8, 100, TRAIN.images(), TRAIN.labels());
        InvalidInputException e = refused(() -> trainer().fit(Fixtures.smallCnn(10), Fixtures.INPUT, hundred, TEST));
        assertTrue(e.getMessage().contains("'cifar100 train' has 100 classes (labels 0 to 99), but the model has"
                + " 10 outputs (10)"), e.getMessage());
        assertTrue(e.getMessage().contains("give the last layer 100 units"), e.getMessage());
    }

    @Test
    void aLabelOutsideTheOutputsIsRefusedNamingTheExample() {
        int[] labels = TRAIN.labels().clone();
        labels[5] = 7;
        LabeledImages bad = new LabeledImages("bad labels", 1, 8, 8, 2, TRAIN.images(), labels);
        InvalidInputException e = refused(() -> trainer().fit(Fixtures.smallCnn(2), Fixtures.INPUT, bad, TEST));
        assertTrue(e.getMessage().startsWith("example 5 of the training set 'bad labels' has label 7"), e.getMessage());
    }

    @Test
    void evaluationChecksTheShapeToo() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> trainer().evaluate(
                Fixtures.smallCnn(2), Fixtures.INPUT, dir, dev.lamina.runtime.checkpoint.CheckpointTag.LAST, zeros("colour", 3, 8, 8, 2, 4)));
        assertTrue(e.getMessage().contains("evaluation set 'colour' holds examples of shape (3, 8, 8)"), e.getMessage());
    }
}
