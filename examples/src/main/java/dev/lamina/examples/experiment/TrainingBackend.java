package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.runtime.train.TrainingSettings;

import dev.lamina.runtime.checkpoint.CheckpointTag;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import dev.lamina.runtime.run.TrainedRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The experiment's one adapter to the runtime: loads a dataset through
 * {@code dev.lamina.runtime.data} and trains one generated model with one seed into its run
 * directory through {@code dev.lamina.runtime.run.RunDirectory} (which trains with the runtime's
 * {@code Trainer}), turning its history into a {@link RunRecord}.
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
     * Trains {@code net} with {@code seed} into the run directory {@code runDir} through the
     * runtime's {@link RunDirectory#train} (checkpoint {@code last} and the history after every
     * epoch, then the chosen model in {@code model/}), evaluating on the test set after every
     * epoch. The same call serves the sequential experiment and each task of a distributed sweep:
     *
     * <ul>
     *   <li>a run whose directory holds its saved model (the commit point, {@code
     *       model/lamina-model.json}, written last) is complete: its history is read back from its
     *       {@code last} checkpoint, nothing is trained;
     *   <li>a run that holds a {@code last} checkpoint but no model was interrupted: it continues
     *       from that checkpoint (the runtime refuses a checkpoint of another model, data or
     *       settings);
     *   <li>otherwise the run starts fresh.
     * </ul>
     *
     * @throws dev.lamina.runtime.train.TrainingDivergedException when the loss stops being finite
     */
    public static Outcome train(GeneratedNet net, RunData data, Budget budget, long seed, Path runDir,
                                PrintStream progress) throws IOException {
        RunDirectory run = RunDirectory.of(runDir);
        int trainingImages = data.splits().train().size();
        if (run.savedModel().isPresent() && run.checkpoints().exists(CheckpointTag.LAST)) {
            List<EpochStats> history = run.checkpoints().loadState(CheckpointTag.LAST).history();
            return new Outcome(record(net, seed, history, trainingImages), true);
        }
        TrainingConfig config = TrainingConfig.builder()
                .settings(budget.settings())
                .seed(seed)
                .device(DeviceChoice.parse(budget.device()))
                .progress(progress)
                .outputDir(runDir)
                .resumeFrom(run.checkpoints().exists(CheckpointTag.LAST) ? runDir : null)
                .modelName(net.name())
                .build();
        TrainedRun trained = run.train(net.net(), data, config);
        return new Outcome(record(net, seed, trained.training().history(), trainingImages), false);
    }

    /**
     * What {@link #train} did.
     *
     * @param run the run's record
     * @param skipped the run was complete already and was read back, not trained
     */
    public record Outcome(RunRecord run, boolean skipped) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static RunRecord record(GeneratedNet net, long seed, List<EpochStats> history, int trainingImages) {
        return new RunRecord(net.name(), net.parameterCount(), seed, epochs(history, trainingImages));
    }

    /** The runtime's per-epoch rows as experiment records; seconds count training only. */
    static List<EpochRecord> epochs(List<EpochStats> history, int trainingImages) {
        return history.stream().map(e -> new EpochRecord(e.epoch(), e.trainLoss(),
                e.trainAccuracy(), e.evalAccuracy(), trainingImages / e.imagesPerSecond()))
                .toList();
    }
}
