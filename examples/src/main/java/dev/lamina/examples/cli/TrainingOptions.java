package dev.lamina.examples.cli;

import dev.lamina.runtime.train.TrainingRequest;
import dev.lamina.runtime.train.TrainingSettings;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The training options every command that trains shares ({@code train}, {@code experiment},
 * {@code benchmark}): one declaration, one set of names and help texts. Their defaults come from a
 * {@link TrainingSettings} through the command's {@link Defaults} provider (picocli prints them
 * once, as "Default: ..."), and {@link #over} applies the options the user gave to a base.
 */
final class TrainingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training set.")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step.")
    int batchSize;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Adam learning rate (the peak rate under a cosine schedule).")
    float learningRate;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE",
            description = "How the rate moves over the run: constant; cosine (half a cosine from --lr"
                    + " down to 0 at the last step); cosine:W (the same after a linear warm-up over"
                    + " the first fraction W of the steps).")
    String schedule;

    @Option(names = "--weight-decay", paramLabel = "WD",
            description = "Decoupled weight decay (AdamW): each step also shrinks every weight by"
                    + " rate * WD of itself. 0: plain Adam.")
    float weightDecay;

    @Option(names = "--seed", paramLabel = "N",
            description = "Fixes initialization, data order, augmentation and dropout.")
    long seed;

    /**
     * {@code base} with every option the user gave on the command line; the ones not given keep
     * {@code base}'s values (a preset's, not the displayed defaults, when they differ).
     *
     * @throws dev.lamina.runtime.InvalidInputException naming the first value out of range
     */
    TrainingSettings over(TrainingSettings base) {
        return request(null, null).over(base, TrainingRequest.COMMAND_LINE);
    }

    /**
     * The options the user gave, with {@code validation} and {@code patience} (null: {@code
     * base}'s) from the command that has them: what {@link TrainingRequest#over} applies to a base.
     */
    TrainingRequest request(Double validation, Integer patience) {
        return new TrainingRequest(
                given("--epochs") ? epochs : null,
                given("--batch-size") ? batchSize : null,
                given("--lr") ? learningRate : null,
                given("--lr-schedule") ? schedule : null,
                given("--weight-decay") ? weightDecay : null,
                given("--seed") ? seed : null,
                validation, patience);
    }

    /** Whether the user gave {@code option} (not its default). */
    boolean given(String option) {
        return command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(option);
    }

    /**
     * Supplies the defaults of the training options (and of {@code --validation} and {@code
     * --patience}, where a command has them) from one {@link TrainingSettings}; other options keep
     * the defaults of their annotations.
     */
    static class Defaults implements IDefaultValueProvider {
        private final Map<String, Function<TrainingSettings, Object>> byOption = Map.of(
                "--epochs", TrainingSettings::epochs,
                "--batch-size", TrainingSettings::batchSize,
                "--lr", TrainingSettings::learningRate,
                "--lr-schedule", s -> s.schedule().format(),
                "--weight-decay", TrainingSettings::weightDecay,
                "--seed", TrainingSettings::seed,
                "--validation", TrainingSettings::validation,
                "--patience", TrainingSettings::patience);
        private final TrainingSettings settings;

        Defaults(TrainingSettings settings) {
            this.settings = settings;
        }

        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (!(argSpec instanceof OptionSpec option)) {
                return null;
            }
            Function<TrainingSettings, Object> value = byOption.get(option.longestName());
            return value == null ? null : String.format(Locale.ROOT, "%s", value.apply(settings));
        }
    }

    /** The defaults of {@code lamina train} and {@code lamina benchmark}: {@link TrainingSettings#DEFAULTS}. */
    static final class StandardDefaults extends Defaults {
        StandardDefaults() {
            super(TrainingSettings.DEFAULTS);
        }
    }
}
