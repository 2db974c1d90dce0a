package dev.lamina.runtime.train;

import dev.lamina.runtime.InvalidInputException;
import java.util.Objects;

/**
 * The training settings a user chooses, with Lamina's one set of defaults ({@link #DEFAULTS}):
 * {@link TrainingConfig#builder()} starts from them, and so do {@code lamina train}, {@code
 * lamina benchmark} and the presets of {@code lamina experiment}, which state their differences
 * from them.
 *
 * <p>A value out of range is refused when the record is built, with a one-line {@link
 * InvalidInputException} naming the setting, so a command line can check every setting before any
 * data loads.
 *
 * @param epochs passes over the training set (a resumed run ends at the same total); at least 1
 * @param batchSize examples per step; at least 1
 * @param learningRate Adam's learning rate (the peak rate under a schedule); positive and finite
 * @param schedule how the rate moves over the run's steps
 * @param weightDecay decoupled weight decay (AdamW); 0 is plain Adam
 * @param seed fixes parameter initialization, data order, augmentation and DJL's random numbers
 * @param validation fraction of the training set held out to choose the best epoch on; in [0, 1)
 * @param patience early stopping after this many epochs without a better validation accuracy; 0
 *     never stops early
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, LearningRateSchedule schedule,
                               float weightDecay, long seed, double validation, int patience) {

    /**
     * Lamina's defaults: 3 epochs of Adam at a peak rate of 0.003 with a 5% warm-up and a cosine
     * decay, batch 64, seed 42, 10% of the training set held out for validation, no weight decay,
     * no early stopping. The reasons and measurements are in docs/training.md.
     */
    public static final TrainingSettings DEFAULTS = new TrainingSettings(
            3, 64, 0.003f, LearningRateSchedule.cosine(0.05), 0f, 42, 0.1, 0);

    public TrainingSettings {
        Objects.requireNonNull(schedule, "schedule (use LearningRateSchedule.constant())");
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "batch size must be at least 1, got " + batchSize);
        require(learningRate > 0 && Float.isFinite(learningRate),
                "learning rate must be a positive number, got " + learningRate);
        require(weightDecay >= 0 && Float.isFinite(weightDecay),
                "weight decay must be 0 or a positive number, got " + weightDecay);
        require(validation >= 0 && validation < 1, "validation must be at least 0 and below 1 (a fraction"
                + " of the training set), got " + validation);
        require(patience >= 0, "patience must be 0 (no early stopping) or more, got " + patience);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidInputException(message);
        }
    }

    /** These settings with {@code epochs} instead. */
    public TrainingSettings withEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, learningRate, schedule, weightDecay, seed, validation,
                patience);
    }

    /** These settings with another learning rate and schedule. */
    public TrainingSettings withRate(float learningRate, LearningRateSchedule schedule) {
        return new TrainingSettings(epochs, batchSize, learningRate, schedule, weightDecay, seed, validation,
                patience);
    }
}
