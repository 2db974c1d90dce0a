package dev.lamina.runtime.checkpoint;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.lamina.runtime.data.Augmentation;
import dev.lamina.runtime.data.Normalization;
import dev.lamina.runtime.io.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings that define a run, typed, as a checkpoint records them (its {@code "config"}
 * object) and a saved model repeats them ({@code training.settings} of {@code lamina-model.json}).
 * Written and read by {@link Json}; integers stay integers ({@code "seed": 42}), and files of older
 * versions that wrote them as doubles ({@code "seed": 42.0}) are read as the same integers.
 *
 * <p>A component is {@code null} when the file does not record it (a checkpoint written before the
 * setting existed): nothing can be compared for it.
 *
 * @param epochs the run's planned epochs
 * @param batchSize examples per step
 * @param learningRate Adam's (peak) rate, as the decimal of the float the run used ({@code 0.003})
 * @param schedule the learning-rate schedule in its text form ({@code cosine:0.05}, {@code constant})
 * @param weightDecay decoupled weight decay, 0 for plain Adam
 * @param seed the run's seed
 * @param device the device asked for ({@code auto}, {@code cpu}, {@code gpu:0})
 * @param augmentation the training batches' augmentation
 * @param normalization the per-channel standardization of every batch ({@code "none"} in the file
 *     when there was none, read back as {@code null})
 * @param patience early stopping's patience, 0 for none
 * @param limitBatches at most this many batches per epoch; 0 (or absent) for all
 */
public record RecordedSettings(Integer epochs, @SerializedName("batch_size") Integer batchSize,
                               @SerializedName("learning_rate") Double learningRate,
                               @SerializedName("lr_schedule") String schedule,
                               @SerializedName("weight_decay") Double weightDecay, Long seed, String device,
                               Augmentation augmentation,
                               @JsonAdapter(value = NormalizationText.class, nullSafe = false)
                               Normalization normalization, Integer patience,
                               @SerializedName("limit_batches") Integer limitBatches) {

    /** What a checkpoint of a version that recorded no settings holds. */
    public static final RecordedSettings NONE = new RecordedSettings(null, null, null, null, null, null, null, null,
            null, null, null);

    /** The augmentation, {@link Augmentation#NONE} when not recorded. */
    public Augmentation augmentationOrNone() {
        return augmentation == null ? Augmentation.NONE : augmentation;
    }

    /**
     * What differs between these settings (a checkpoint's) and {@code now}'s, one phrase each
     * ({@code limit_batches was 150 in the checkpoint and is 0 now}), by the keys of the file;
     * the planned epochs are left out (a resume reports them on their own), and so are the
     * settings this checkpoint does not record.
     */
    public List<String> differencesFrom(RecordedSettings now) {
        Map<String, Object> saved = Json.asObject(Json.toTree(this), "the checkpoint's settings");
        Map<String, Object> current = Json.asObject(Json.toTree(now), "the run's settings");
        List<String> diffs = new ArrayList<>();
        saved.forEach((key, value) -> {
            Object other = current.get(key);
            if (!key.equals("epochs") && value != null && other != null && !Json.sameJson(value, other)) {
                diffs.add(key + " was " + text(value) + " in the checkpoint and is " + text(other) + " now");
            }
        });
        return diffs;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : Json.write(value).strip().replaceAll("\\s+", " ");
    }

    /** Reads a checkpoint's {@code "config"} object (already migrated from format 1). */
    static RecordedSettings fromTree(Object config) {
        return Objects.requireNonNullElse(Json.convert(config, RecordedSettings.class, "\"config\""), NONE).checked();
    }

    /**
     * These settings, each recorded one in the range a run can have (issue 21: every field of a
     * state file is checked on read, since a resume continues the recorded plan): epochs in [1,
     * {@value TrainingState#MAX_EPOCHS}], a batch size of at least 1, a finite positive learning
     * rate, a finite weight decay of at least 0, a patience and a batch limit of at least 0.
     *
     * @throws IllegalArgumentException naming the field ({@code "config": "epochs" is -5, ...})
     */
    RecordedSettings checked() {
        require(epochs == null || epochs >= 1 && epochs <= TrainingState.MAX_EPOCHS, "epochs", epochs,
                "[1, " + TrainingState.MAX_EPOCHS + "]");
        require(batchSize == null || batchSize >= 1, "batch_size", batchSize, "[1, 2147483647]");
        require(learningRate == null || learningRate > 0 && Double.isFinite(learningRate), "learning_rate",
                learningRate, "a finite number above 0");
        require(weightDecay == null || weightDecay >= 0 && Double.isFinite(weightDecay), "weight_decay", weightDecay,
                "a finite number of at least 0");
        require(patience == null || patience >= 0, "patience", patience, "[0, 2147483647]");
        require(limitBatches == null || limitBatches >= 0, "limit_batches", limitBatches, "[0, 2147483647]");
        require(schedule == null || !schedule.isBlank(), "lr_schedule", "\"" + schedule + "\"", "a schedule");
        require(device == null || !device.isBlank(), "device", "\"" + device + "\"", "a device");
        return this;
    }

    private static void require(boolean ok, String key, Object value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("\"config\": \"" + key + "\" is " + value + ", not " + range);
        }
    }

    /**
     * A normalization as the text a checkpoint has always recorded: {@link Normalization#format()},
     * or {@code "none"}.
     */
    static final class NormalizationText extends TypeAdapter<Normalization> {
        @Override
        public void write(JsonWriter out, Normalization value) throws IOException {
            out.value(value == null ? "none" : value.format());
        }

        @Override
        public Normalization read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String text = in.nextString();
            return text.equals("none") ? null : Normalization.parse(text);
        }
    }
}
