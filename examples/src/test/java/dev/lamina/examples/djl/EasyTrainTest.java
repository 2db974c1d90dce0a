package dev.lamina.examples.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import dev.lamina.examples.experiment.Fixture;
import dev.lamina.examples.models.PlainNet;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.LabeledImages;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A generated block is a plain DJL block: DJL's own EasyTrain trains it, no Lamina code involved. */
class EasyTrainTest {

    private static ArrayDataset dataset(NDManager manager, LabeledImages set, boolean shuffle) {
        float[] labels = new float[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = set.labels()[i];
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(set.images(), new Shape(set.size(), 1, 28, 28)))
                .optLabels(manager.create(labels))
                .setSampling(32, shuffle)
                .build();
    }

    @Test
    void djlEasyTrainTrainsAGeneratedBlock() throws IOException, TranslateException {
        var splits = Datasets.load("fashion-mnist", Fixture.fashionMnistSmall());
        try (Model model = Model.newInstance("plain", Device.cpu())) {
            model.setBlock(PlainNet.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addEvaluator(new Accuracy())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.002f)).build())
                    .optDevices(new Device[] {Device.cpu()})
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.setMetrics(new Metrics());
                trainer.initialize(PlainNet.inputShape());
                NDManager manager = model.getNDManager();
                EasyTrain.fit(trainer, 2, dataset(manager, LabeledImages.copyOf(splits.train().subset(320, 1)), true),
                        dataset(manager, LabeledImages.copyOf(splits.test()), false));
                TrainingResult result = trainer.getTrainingResult();
                float accuracy = result.getValidateEvaluation("Accuracy");
                // 320 training images, 10 classes: chance is 0.1
                assertTrue(accuracy > 0.4, "test accuracy after 2 epochs: " + accuracy);
            }
        }
    }
}
