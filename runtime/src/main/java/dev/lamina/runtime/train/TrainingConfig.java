package dev.lamina.runtime.train;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.checkpoint.RecordedSettings;
import dev.lamina.runtime.task.TaskSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to train: the {@link TrainingSettings} that define the run (typed once, checked once, when
 * they are built), and where and how it runs. Build one with {@link #builder()}; every setting has
 * a default, the training settings those of {@link TrainingSettings#DEFAULTS}.
 *
 * @param settings epochs (a resumed run ends at the same total), batch size, learning rate and
 *     schedule, weight decay, seed, validation fraction (applied by {@code
 *     dev.lamina.runtime.run.RunDirectory#train} to data without a validation set; {@link
 *     Trainer#fit} takes the sets it is given) and patience
 * @param device where to train, default {@code auto}
 * @param outputDir where checkpoints and history files go; {@code null}: nothing is written
 * @param resumeFrom a directory holding a {@code last} checkpoint to continue from, or {@code null}
 * @param progress where progress lines go; {@code null}: silent
 * @param terminal whether {@code progress} is a terminal (one redrawn bar) or a log (one line every
 *     {@code logEvery} batches); default {@code System.console() != null}
 * @param logEvery batches between progress lines when not a terminal, default 50
 * @param augmentation applied to training batches (drawn from the seed), default none
 * @param normalization applied to every batch (training and evaluation), or {@code null} for none
 * @param limitBatches at most this many batches per epoch and per evaluation, for a quick smoke
 *     run; 0, the default, uses every batch
 * @param modelName the model's name, for the title of {@code history.png}; default {@code "model"}
 * @param task what the model predicts, which fixes its loss, metrics and best epoch ({@link
 *     TaskSpec}); default multi-class. {@code RunDirectory#train} takes it from the Net's {@code
 *     descriptor().task()}
 */
public record TrainingConfig(TrainingSettings settings, DeviceChoice device,
                             Path outputDir, Path resumeFrom, PrintStream progress, boolean terminal,
                             int logEvery, Augmentation augmentation, Normalization normalization,
                             int limitBatches, String modelName, TaskSpec task) {

    public TrainingConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(augmentation, "augmentation (use Augmentation.NONE)");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(task, "task");
        require(logEvery >= 1, "logEvery must be at least 1, got " + logEvery);
        require(limitBatches >= 0, "limit batches must be 0 (all batches) or more, got " + limitBatches);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException("training config: " + message);
        }
    }

    /** A builder with the defaults listed on the record. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings with another output directory (and the same everything else). */
    public TrainingConfig withOutputDir(Path dir) {
        return new TrainingConfig(settings, device, dir, resumeFrom, progress, terminal, logEvery, augmentation,
                normalization, limitBatches, modelName, task);
    }

    /** These settings for a model of another task (and the same everything else). */
    public TrainingConfig withTask(TaskSpec task) {
        return new TrainingConfig(settings, device, outputDir, resumeFrom, progress, terminal, logEvery, augmentation,
                normalization, limitBatches, modelName, task);
    }

    /**
     * These settings titled with {@code name} (the Net's) when no model name was given (the
     * default {@value #DEFAULT_MODEL_NAME}); a name given stays.
     */
    public TrainingConfig namedIfUnnamed(String name) {
        return !DEFAULT_MODEL_NAME.equals(modelName) ? this : new TrainingConfig(settings, device, outputDir,
                resumeFrom, progress, terminal, logEvery, augmentation, normalization, limitBatches, name, task);
    }

    /** The model name of a config whose builder was given none. */
    public static final String DEFAULT_MODEL_NAME = "model";

    /** The settings that define the run, typed, as checkpoints record them. */
    public RecordedSettings recorded() {
        return new RecordedSettings(settings.epochs(), settings.batchSize(),
                Double.parseDouble(Float.toString(settings.learningRate())), settings.schedule().format(),
                Double.parseDouble(Float.toString(settings.weightDecay())), settings.seed(), device.toString(),
                augmentation, normalization, settings.patience(), limitBatches);
    }

    /** Builds a {@link TrainingConfig}. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private float learningRate;
        private LearningRateSchedule schedule;
        private float weightDecay;
        private String modelName = DEFAULT_MODEL_NAME;
        private long seed;
        private double validation;
        private DeviceChoice device = DeviceChoice.auto();
        private Path outputDir;
        private Path resumeFrom;
        private PrintStream progress;
        private boolean terminal = System.console() != null;
        private int logEvery = 50;
        private Augmentation augmentation = Augmentation.NONE;
        private Normalization normalization;
        private int patience;
        private int limitBatches;
        private TaskSpec task = new TaskSpec.MultiClass();

        private Builder() {
            settings(TrainingSettings.DEFAULTS);
        }

        /** Takes every training setting from {@code settings}. */
        public Builder settings(TrainingSettings settings) {
            this.epochs = settings.epochs();
            this.batchSize = settings.batchSize();
            this.learningRate = settings.learningRate();
            this.schedule = settings.schedule();
            this.weightDecay = settings.weightDecay();
            this.seed = settings.seed();
            this.validation = settings.validation();
            this.patience = settings.patience();
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** How the rate moves over the run (default constant). */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Decoupled weight decay (AdamW); 0, the default, is plain Adam. */
        public Builder weightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The fraction of the training set {@code RunDirectory.train} holds out to choose the best
         * epoch on, when the data has no validation set (default 0.1; 0: none).
         */
        public Builder validation(double validation) {
            this.validation = validation;
            return this;
        }

        public Builder device(DeviceChoice device) {
            this.device = device;
            return this;
        }

        /** Where checkpoints and history go ({@code null}: write nothing). */
        public Builder outputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** Continue from the {@code last} checkpoint in this directory ({@code null}: start fresh). */
        public Builder resumeFrom(Path resumeFrom) {
            this.resumeFrom = resumeFrom;
            return this;
        }

        /** Where progress goes ({@code null}: silent). */
        public Builder progress(PrintStream progress) {
            this.progress = progress;
            return this;
        }

        /** Overrides the terminal detection. */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        public Builder logEvery(int logEvery) {
            this.logEvery = logEvery;
            return this;
        }

        /** Random crop / flip of training batches ({@code Augmentation.NONE} for none). */
        public Builder augmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Per-channel normalization of every batch ({@code null} for none). */
        public Builder normalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /** Stop after this many epochs without a new best validation accuracy (0: never). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** At most this many batches per epoch and per evaluation (0, the default: all). */
        public Builder limitBatches(int limitBatches) {
            this.limitBatches = limitBatches;
            return this;
        }

        /** What the model predicts (default multi-class); see {@link TaskSpec}. */
        public Builder task(TaskSpec task) {
            this.task = task;
            return this;
        }

        /** The model's name, shown in the title of {@code history.png} (e.g. {@code FashionCnn}). */
        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /**
         * @throws InvalidInputException naming the first setting out of range (checked by {@link
         *     TrainingSettings}, the one place for them)
         */
        public TrainingConfig build() {
            Objects.requireNonNull(schedule, "schedule (use LearningRateSchedule.constant())");
            return new TrainingConfig(new TrainingSettings(epochs, batchSize, learningRate, schedule, weightDecay, seed,
                    validation, patience), device, outputDir, resumeFrom, progress, terminal, logEvery, augmentation,
                    normalization, limitBatches, modelName, task);
        }
    }
}
