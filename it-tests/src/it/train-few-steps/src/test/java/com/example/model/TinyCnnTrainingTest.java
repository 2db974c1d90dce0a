package com.example.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** Trains the generated TinyCnnNet with plain DJL on 32 random images, full batch, 20 steps. */
class TinyCnnTrainingTest {

    @Test
    void trainingStepsLowerAFiniteLoss() throws Exception {
        try (Model model = Model.newInstance("tiny-cnn")) {
            model.setBlock(TinyCnnNet.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(TinyCnnNet.inputShape());
                NDManager manager = trainer.getManager();
                manager.getEngine().setRandomSeed(7);
                NDArray images = manager.randomUniform(0f, 1f, new Shape(32, 1, 8, 8));
                NDArray labels = manager.randomInteger(0, 10, new Shape(32), DataType.INT32)
                        .toType(DataType.FLOAT32, false);
                ArrayDataset data = new ArrayDataset.Builder()
                        .setData(images).optLabels(labels).setSampling(32, false).build();

                float before = loss(trainer, images, labels);
                for (int step = 0; step < 20; step++) {
                    for (Batch batch : trainer.iterateDataset(data)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                    }
                }
                float after = loss(trainer, images, labels);

                System.out.printf("TinyCnnNet training loss: %.4f -> %.4f%n", before, after);
                assertTrue(Float.isFinite(before) && Float.isFinite(after), "finite loss: " + before + " -> " + after);
                assertTrue(after < before, "training lowers the loss: " + before + " -> " + after);
            }
        }
    }

    private static float loss(Trainer trainer, NDArray images, NDArray labels) {
        NDList predictions = trainer.evaluate(new NDList(images));
        return trainer.getLoss().evaluate(new NDList(labels), predictions).getFloat();
    }
}
