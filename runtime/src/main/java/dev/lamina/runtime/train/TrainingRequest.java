package dev.lamina.runtime.train;

import dev.lamina.runtime.InvalidInputException;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The training settings a person gave a tool (the {@code lamina} command line, the Maven plugin's
 * parameters), each null when not given: {@link #over} turns them into {@link TrainingSettings}
 * on a base (the defaults, a preset, the settings a resumed run recorded), so every tool applies
 * and checks them the same way and reports a value out of range under the name the person gave it
 * with ({@code --epochs must be at least 1, got -3}).
 *
 * @param epochs passes over the training set, or null
 * @param batchSize examples per step, or null
 * @param learningRate Adam's (peak) rate, or null
 * @param schedule the schedule as text ({@link LearningRateSchedule#parse}), or null
 * @param weightDecay decoupled weight decay, or null
 * @param seed the seed, or null
 * @param validation the validation fraction, or null
 * @param patience early stopping's patience, or null
 */
public record TrainingRequest(Integer epochs, Integer batchSize, Float learningRate, String schedule,
                              Float weightDecay, Long seed, Double validation, Integer patience) {

    /** Nothing given: {@link #over} returns its base. */
    public static final TrainingRequest NONE = new TrainingRequest(null, null, null, null, null, null, null, null);

    /**
     * How a tool names each setting: the name {@link TrainingSettings} uses in its messages
     * ({@code epochs}, {@code batch size}, {@code learning rate}, {@code schedule}, {@code weight
     * decay}, {@code seed}, {@code validation}, {@code patience}) to the option or parameter, e.g.
     * {@code --batch-size}.
     */
    public interface Naming extends UnaryOperator<String> {
    }

    /** The {@code lamina} command line's option names ({@code --epochs}, {@code --lr}, ...). */
    public static final Naming COMMAND_LINE = fromMap(Map.of("epochs", "--epochs", "batch size", "--batch-size",
            "learning rate", "--lr", "schedule", "--lr-schedule", "weight decay", "--weight-decay",
            "seed", "--seed", "validation", "--validation", "patience", "--patience"));

    /** A naming from a map; a setting it does not name keeps its own name. */
    public static Naming fromMap(Map<String, String> names) {
        Map<String, String> copy = Map.copyOf(names);
        return setting -> copy.getOrDefault(setting, setting);
    }

    /**
     * {@code base} with every setting given here; early stopping without a validation set is
     * refused (stopping on the test set would make the test accuracy an optimistic estimate).
     *
     * @param base the settings of what was not given
     * @param naming how the tool names the settings, for messages
     * @return the settings, checked
     * @throws InvalidInputException naming the first value out of range, under its option's name
     */
    public TrainingSettings over(TrainingSettings base, Naming naming) {
        TrainingSettings settings = named(naming, () -> new TrainingSettings(
                epochs != null ? epochs : base.epochs(),
                batchSize != null ? batchSize : base.batchSize(),
                learningRate != null ? learningRate : base.learningRate(),
                schedule != null ? LearningRateSchedule.parse(schedule) : base.schedule(),
                weightDecay != null ? weightDecay : base.weightDecay(),
                seed != null ? seed : base.seed(),
                validation != null ? validation : base.validation(),
                patience != null ? patience : base.patience()));
        if (settings.patience() > 0 && settings.validation() == 0) {
            throw new InvalidInputException("early stopping (patience " + settings.patience() + ") needs a"
                    + " validation set to watch; give " + naming.apply("validation") + ", or set "
                    + naming.apply("patience") + " 0. Stopping on the test set would make the test accuracy an"
                    + " optimistic estimate.");
        }
        return settings;
    }

    /**
     * Builds settings, reporting a value out of range under the tool's name for it ({@code
     * --epochs must be at least 1, got -3}).
     *
     * @param naming how the tool names the settings
     * @param build makes the settings
     * @return what {@code build} made
     * @throws InvalidInputException the first value out of range, under its option's name
     */
    public static TrainingSettings named(Naming naming, java.util.function.Supplier<TrainingSettings> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            for (String setting : new String[] {"epochs", "batch size", "learning rate", "weight decay",
                    "validation", "patience"}) {
                if (e.getMessage().startsWith(setting + " must")) {
                    throw new InvalidInputException(naming.apply(setting) + e.getMessage().substring(setting.length()));
                }
            }
            throw e;
        }
    }

    /**
     * A tool's {@code --limit-batches}, checked: at most this many batches per epoch and per
     * evaluation, 0 for all.
     *
     * @param limitBatches the value given
     * @return the value
     * @throws InvalidInputException when negative
     */
    public static int limitBatches(int limitBatches) {
        if (limitBatches < 0) {
            throw new InvalidInputException("--limit-batches must be 0 (all batches) or more, got " + limitBatches);
        }
        return limitBatches;
    }
}
