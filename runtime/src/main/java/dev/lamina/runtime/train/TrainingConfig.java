package dev.lamina.runtime.train;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.device.DeviceChoice;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to train. Build one with {@link #builder()}; every setting has a default, the training
 * settings those of {@link TrainingSettings#DEFAULTS}.
 *
 * @param epochs total epochs of the run (a resumed run ends at the same total)
 * @param batchSize examples per step
 * @param learningRate Adam's learning rate (the peak rate under a schedule)
 * @param schedule how the learning rate moves over the run's steps
 * @param weightDecay decoupled weight decay (AdamW), 0 for plain Adam
 * @param seed fixes parameter initialization, data order and DJL's random numbers
 * @param device where to train, default {@code auto}
 * @param outputDir where checkpoints and history files go; {@code null}: nothing is written
 * @param resumeFrom a directory holding a {@code last} checkpoint to continue from, or {@code null}
 * @param progress where progress lines go; {@code null}: silent
 * @param terminal whether {@code progress} is a terminal (one redrawn bar) or a log (one line every
 *     {@code logEvery} batches); default {@code System.console() != null}
 * @param logEvery batches between progress lines when not a terminal, default 50
 * @param augmentation applied to training batches (drawn from the seed), default none
 * @param normalization applied to every batch (training and evaluation), or {@code null} for none
 * @param patience stop after this many epochs in a row without a new best validation accuracy
 *     (early stopping; needs a validation set); 0, the default, never stops early
 * @param limitBatches at most this many batches per epoch and per evaluation, for a quick smoke
 *     run; 0, the default, uses every batch
 * @param modelName the model's name, for the title of {@code history.png}; default {@code "model"}
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, LearningRateSchedule schedule,
                             float weightDecay, long seed, DeviceChoice device,
                             Path outputDir, Path resumeFrom, PrintStream progress, boolean terminal,
                             int logEvery, Augmentation augmentation, Normalization normalization,
                             int patience, int limitBatches, String modelName) {

    public TrainingConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(schedule, "schedule (use LearningRateSchedule.constant())");
        Objects.requireNonNull(augmentation, "augmentation (use Augmentation.NONE)");
        // the settings' own range checks, one place for them
        new TrainingSettings(epochs, batchSize, learningRate, schedule, weightDecay, seed,
                TrainingSettings.DEFAULTS.validation(), patience);
        Objects.requireNonNull(modelName, "modelName");
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

    /** The settings that define the run, as saved in checkpoints. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("learning_rate", Double.parseDouble(Float.toString(learningRate)));
        m.put("lr_schedule", schedule.format());
        m.put("weight_decay", Double.parseDouble(Float.toString(weightDecay)));
        m.put("seed", seed);
        m.put("device", device.toString());
        Map<String, Object> augment = new LinkedHashMap<>();
        augment.put("padding", augmentation.padding());
        augment.put("flip", augmentation.flip());
        m.put("augmentation", augment);
        m.put("normalization", normalization == null ? "none" : normalization.format());
        m.put("patience", patience);
        if (limitBatches > 0) {
            m.put("limit_batches", limitBatches);
        }
        return m;
    }

    /** Builds a {@link TrainingConfig}. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private float learningRate;
        private LearningRateSchedule schedule;
        private float weightDecay;
        private String modelName = "model";
        private long seed;
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

        private Builder() {
            settings(TrainingSettings.DEFAULTS);
        }

        /**
         * Takes epochs, batch size, learning rate, schedule, weight decay, seed and patience from
         * {@code settings} (its validation fraction is the caller's to apply to the data).
         */
        public Builder settings(TrainingSettings settings) {
            this.epochs = settings.epochs();
            this.batchSize = settings.batchSize();
            this.learningRate = settings.learningRate();
            this.schedule = settings.schedule();
            this.weightDecay = settings.weightDecay();
            this.seed = settings.seed();
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

        /** The model's name, shown in the title of {@code history.png} (e.g. {@code FashionCnn}). */
        public Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, learningRate, schedule, weightDecay, seed, device, outputDir, resumeFrom,
                    progress, terminal, logEvery, augmentation, normalization, patience, limitBatches, modelName);
        }
    }
}
