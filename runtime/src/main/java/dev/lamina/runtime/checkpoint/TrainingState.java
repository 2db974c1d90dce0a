package dev.lamina.runtime.checkpoint;

import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything besides the parameters and the optimizer's state ({@link OptimizerState}, saved next
 * to them) that a run needs to continue where it stopped.
 *
 * @param epoch epochs completed
 * @param step optimizer steps taken
 * @param bestEpoch the epoch with the best evaluation accuracy so far (0 if none); for a task other
 *     than multi-class, the best value of its selection metric (ROC AUC, R^2: docs/tasks.md)
 * @param bestAccuracy that accuracy (or value)
 * @param seed the run's random seed
 * @param settings the training settings (epochs, batch size, ...), typed, for people and for resume
 *     (the file's {@code "config"})
 * @param evalTarget what the history's evaluation columns measured
 * @param signature the model the parameters belong to
 * @param data what the run trained and evaluated on (a resume must use the same)
 * @param history one row per completed epoch
 */
public record TrainingState(int epoch, long step, int bestEpoch, double bestAccuracy, long seed,
                            RecordedSettings settings, EvalTarget evalTarget, ModelSignature signature,
                            DataIdentity data, List<EpochStats> history) {

    public TrainingState {
        settings = settings == null ? RecordedSettings.NONE : settings;
        history = List.copyOf(history);
    }

    /**
     * The format {@link #toJson()} writes: 3 adds the parameter file's size and SHA-256 ({@link
     * CheckpointStore} writes and checks them), 2 stores the seed as a number and the augmentation
     * as an object.
     */
    public static final String FORMAT = "lamina-checkpoint-3";
    /** Format 2, the same without the parameter file's size and hash, still read. */
    static final String FORMAT_2 = "lamina-checkpoint-2";
    /** The most epochs a state may record (a run of more is not plausible; a larger number is damage). */
    static final long MAX_EPOCHS = 1_000_000;
    /** The previous format (seed and augmentation as strings), still read and migrated. */
    static final String FORMAT_1 = "lamina-checkpoint-1";

    private static final Pattern AUGMENTATION_1 = Pattern.compile("Augmentation\\[padding=(\\d+), flip=(true|false)\\]");

    /** This state as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("epoch", epoch);
        m.put("step", step);
        m.put("best_epoch", bestEpoch);
        m.put("best_accuracy", bestAccuracy);
        m.put("seed", seed);
        m.put("config", settings);
        m.put("eval", evalTarget.id());
        m.put("parameters", new LinkedHashMap<String, Object>(signature.parameters()));
        m.put("data", data.toJson());
        m.put("history", history.stream().map(EpochStats::toJson).toList());
        return m;
    }

    /**
     * Reads what {@link #toJson()} wrote, or a {@code lamina-checkpoint-1} state, whose string seed
     * and {@code Augmentation[padding=P, flip=F]} setting it migrates to the typed values.
     */
    public static TrainingState fromJson(Map<String, Object> m) {
        Object format = m.get("format");
        if (!FORMAT.equals(format) && !FORMAT_2.equals(format) && !FORMAT_1.equals(format)) {
            throw new IllegalArgumentException("unknown checkpoint format " + format
                    + " (this Lamina reads " + FORMAT + ", " + FORMAT_2 + " and " + FORMAT_1 + ")");
        }
        Map<String, Object> config = new LinkedHashMap<>(Json.asObject(m.get("config"), "\"config\""));
        if (FORMAT_1.equals(format)) {
            migrateConfig1(config);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Json.asObject(m.get("parameters"), "\"parameters\"").forEach((k, v) -> params.put(k, String.valueOf(v)));
        List<EpochStats> history = Json.asArray(m.get("history"), "\"history\"").stream()
                .map(TrainingState::historyRow).toList();
        int epoch = (int) Json.whole(m, "epoch", 0, MAX_EPOCHS);
        long step = Json.whole(m, "step", 0, Long.MAX_VALUE);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).epoch() != i + 1 || i >= epoch) {
                throw new IllegalArgumentException("\"history\" row " + (i + 1) + " is epoch " + history.get(i).epoch()
                        + ", not epoch " + (i + 1) + " of the " + epoch + " the checkpoint has trained");
            }
        }
        int bestEpoch = (int) Json.whole(m, "best_epoch", 0, epoch);
        double bestAccuracy = Json.number(m, "best_accuracy");
        // an accuracy or ROC AUC is in [0, 1]; a regression's R^2 is at most 1, and below 0 when worse than the mean
        if (!(bestAccuracy <= 1 && Double.isFinite(bestAccuracy)) && !(bestEpoch == 0 && bestAccuracy == Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("\"best_accuracy\" is " + bestAccuracy + ", not an accuracy in [0, 1]"
                    + " (nor an R^2 of at most 1)");
        }
        return new TrainingState(epoch, step, bestEpoch, bestAccuracy,
                seed(m.get("seed")), RecordedSettings.fromTree(config),
                EvalTarget.fromId(Json.string(m, "eval")), new ModelSignature(params),
                DataIdentity.fromJson(m.get("data")), history);
    }

    private static EpochStats historyRow(Object row) {
        try {
            return EpochStats.fromJson(Json.asObject(row, "a row"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"history\": " + e.getMessage(), e);
        }
    }

    /** Format 1 wrote the seed as a string and the augmentation as a Java record's toString(). */
    private static void migrateConfig1(Map<String, Object> config) {
        if (config.get("seed") instanceof String text) {
            config.put("seed", seed(text));
        }
        if (config.get("augmentation") instanceof String text) {
            Matcher match = AUGMENTATION_1.matcher(text);
            if (!match.matches()) {
                throw new IllegalArgumentException("unknown augmentation setting " + text);
            }
            Map<String, Object> augmentation = new LinkedHashMap<>();
            augmentation.put("padding", Integer.parseInt(match.group(1)));
            augmentation.put("flip", Boolean.parseBoolean(match.group(2)));
            config.put("augmentation", augmentation);
        }
    }

    /** A seed as written by either format: a number, or (format 1) a decimal string. */
    private static long seed(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("\"seed\" is missing or not a whole number: " + value);
    }
}
