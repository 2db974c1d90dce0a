package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.checkpoint.CheckpointStore;
import dev.lamina.runtime.data.DjlDatasetExamples;
import dev.lamina.runtime.data.LabeledImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own DJL dataset trains with Lamina's loop, and DJL listeners hear it. */
class DjlInteropTest {

    private static final LabeledImages TRAIN = Fixtures.leftRight("train", 256, 1);
    private static final LabeledImages TEST = Fixtures.leftRight("test", 64, 2);

    private final NDManager manager = NDManager.newBaseManager();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        manager.close();
    }

    /** The examples as a DJL ArrayDataset of (n, C, H, W) images and (n) float labels. */
    private ArrayDataset djl(LabeledImages set, int c, int h, int w) {
        float[] labels = new float[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.labels()[i];
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(set.images(), new Shape(set.size(), c, h, w)))
                .optLabels(manager.create(labels))
                .setSampling(32, false)
                .build();
    }

    @Test
    void aDjlDatasetTrainsWithLaminasLoopAndCheckpoints() {
        TrainingResult result = new dev.lamina.runtime.train.Trainer(Fixtures.quick().outputDir(dir).build())
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, djl(TRAIN, 1, 8, 8), djl(TEST, 1, 8, 8));
        assertTrue(result.testAccuracy() > 0.8, "beats chance: " + result.testAccuracy());
        assertEquals(2, new CheckpointStore(dir).loadState(CheckpointStore.LAST).epoch());
    }

    @Test
    void djlRecordsAreTheSameExamplesAsTheArraysTheyCameFrom() {
        DjlDatasetExamples examples = DjlDatasetExamples.of("djl", djl(TRAIN, 1, 8, 8), 2);
        float[] x = new float[64];
        assertEquals(TRAIN.labels()[3], examples.read(3, x, 0));
        assertEquals(TRAIN.images()[3 * 64 + 10], x[10]);
        assertEquals(TRAIN.labels()[9], examples.select("picked", new int[] {9}).read(0, x, 0));
    }

    @Test
    void aDjlDatasetOfAnotherShapeIsRefusedBeforeTheFirstStep() {
        LabeledImages flat = new LabeledImages("flat", 1, 4, 16, 2, TRAIN.images(), TRAIN.labels());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new dev.lamina.runtime.train.Trainer(Fixtures.quick().outputDir(dir).build())
                        .fit(Fixtures.smallCnn(2), Fixtures.INPUT, djl(flat, 1, 4, 16), djl(TEST, 1, 8, 8)));
        assertTrue(e.getMessage().contains("holds examples of shape (1, 4, 16), but the model takes (1, 8, 8)"),
                e.getMessage());
    }

    @Test
    void aDjlLabelOutsideTheOutputsStopsAtItsBatch() {
        int[] labels = TRAIN.labels().clone();
        labels[40] = 5;
        LabeledImages bad = new LabeledImages("bad", 1, 8, 8, 2, TRAIN.images(), labels);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new dev.lamina.runtime.train.Trainer(Fixtures.quick().build())
                        .fit(Fixtures.smallCnn(2), Fixtures.INPUT, djl(bad, 1, 8, 8), djl(TEST, 1, 8, 8)));
        assertTrue(e.getMessage().contains("label 5, outside the model's 2 outputs"), e.getMessage());
    }

    @Test
    void djlListenersHearEveryBatchAndEpoch() {
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListenerAdapter() {
            @Override
            public void onTrainingBegin(Trainer trainer) {
                heard.add("begin");
            }

            @Override
            public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                heard.add("batch " + batchData.getBatch().getProgress() + "/" + batchData.getBatch().getProgressTotal()
                        + " size " + batchData.getBatch().getSize());
            }

            @Override
            public void onValidationBatch(Trainer trainer, BatchData batchData) {
                heard.add("validation");
            }

            @Override
            public void onEpoch(Trainer trainer) {
                heard.add("epoch");
            }

            @Override
            public void onTrainingEnd(Trainer trainer) {
                heard.add("end");
            }
        };
        new dev.lamina.runtime.train.Trainer(Fixtures.quick().build(), listener)
                .fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);

        // 256 examples in batches of 32: 8 per epoch; 64 test examples: 2 evaluation batches per
        // epoch, and 2 more for the final test measurement
        assertEquals("begin", heard.get(0));
        assertEquals("batch 1/8 size 32", heard.get(1));
        assertEquals(16, heard.stream().filter(s -> s.startsWith("batch")).count());
        assertEquals(2, heard.stream().filter(s -> s.equals("epoch")).count());
        assertEquals(6, heard.stream().filter(s -> s.equals("validation")).count());
        assertEquals("end", heard.get(heard.size() - 1));
    }

    @Test
    void djlsOwnDefaultListenersRunInLaminasLoop() {
        TrainingResult result = new dev.lamina.runtime.train.Trainer(Fixtures.quick().build(),
                TrainingListener.Defaults.basic()).fit(Fixtures.smallCnn(2), Fixtures.INPUT, TRAIN, TEST);
        assertTrue(result.testAccuracy() > 0.8, "" + result.testAccuracy());
    }
}
