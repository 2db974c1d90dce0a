package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingResult;
import dev.lamina.runtime.train.TrainingSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The experiment's one adapter to the runtime: loads a dataset through
 * {@code dev.lamina.runtime.data} and trains one generated model with one seed through
 * {@code dev.lamina.runtime.train.Trainer}, turning its history into a {@link RunRecord}.
 */
public final class TrainingBackend {

    /**
     * The training budget shared by every run of an experiment.
     *
     * @param settings epochs, batch size, learning rate, schedule and weight decay (each run's
     *     seed is its own)
     * @param device {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}
     */
    public record Budget(TrainingSettings settings, String device) {
        /** Full passes over the training set. */
        public int epochs() {
            return settings.epochs();
        }

        /** Examples per step. */
        public int batchSize() {
            return settings.batchSize();
        }

        /** Adam's learning rate (the peak rate under a schedule). */
        public float learningRate() {
            return settings.learningRate();
        }

        /** How the rate moves over each run. */
        public LearningRateSchedule schedule() {
            return settings.schedule();
        }
    }

    /** Fixed seed of the training subset, so every model and seed sees the same examples. */
    static final long SUBSET_SEED = 20_241_124L;

    private TrainingBackend() {
    }

    /**
     * Reads {@code dataset} from {@code dir} (its default directory when {@code dir} is null);
     * keeps a stratified subset of {@code trainSubset} training examples when it is positive
     * (the test set is always whole).
     *
     * @throws dev.lamina.runtime.data.DatasetException when files are missing or damaged
     */
    public static DataSplits load(DatasetKind dataset, Path dir, int trainSubset) {
        DataSplits splits = Datasets.load(dataset.id(), dir);
        return trainSubset > 0
                ? splits.subset(trainSubset, splits.test().size(), SUBSET_SEED) : splits;
    }

    /**
     * Trains a fresh block of {@code net} with {@code seed}, evaluating on the test set after
     * every epoch; nothing is written to disk.
     *
     * @throws dev.lamina.runtime.train.TrainingDivergedException when the loss stops being finite
     */
    public static RunRecord train(GeneratedNet net, DataSplits data, Budget budget, long seed,
                                  PrintStream progress) {
        TrainingConfig config = TrainingConfig.builder()
                .settings(budget.settings())
                .seed(seed)
                .device(DeviceChoice.parse(budget.device()))
                .progress(progress)
                .build();
        TrainingResult result = new Trainer(config)
                .fit(net.newBlock(), net.inputShape(), data.train(), data.test());
        return new RunRecord(net.name(), net.parameterCount(), seed,
                epochs(result.history(), data.train().size()));
    }

    /** The runtime's per-epoch rows as experiment records; seconds count training only. */
    static List<EpochRecord> epochs(List<EpochStats> history, int trainingImages) {
        return history.stream().map(e -> new EpochRecord(e.epoch(), e.trainLoss(),
                e.trainAccuracy(), e.evalAccuracy(), trainingImages / e.imagesPerSecond()))
                .toList();
    }
}
