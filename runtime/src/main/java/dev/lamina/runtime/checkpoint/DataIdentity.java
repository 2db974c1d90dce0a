package dev.lamina.runtime.checkpoint;

import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.io.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What data a run trained and selected its best epoch on, as saved in a checkpoint: for the
 * training and the evaluation set their name, size, example shape, classes and a checksum of
 * their content, and the normalization applied. A resume on other data would silently mix two
 * runs, so {@link dev.lamina.runtime.train.Trainer} refuses one whose identity {@link
 * #differencesFrom differs}.
 *
 * @param facts a phrase per role (e.g. {@code "training set"}, {@code "validation set"}, {@code
 *     "normalization"}), in order; empty for a checkpoint written before identities were saved
 */
public record DataIdentity(Map<String, String> facts) {

    /** The identity of a checkpoint that saved none (nothing can be compared). */
    public static final DataIdentity UNKNOWN = new DataIdentity(Map.of());

    public DataIdentity {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * @param evalName what {@code eval} is ({@code "validation"} or {@code "test"})
     * @param normalization how batches are normalized, e.g. {@code Normalization.format()}, or
     *     {@code "none"}
     */
    public static DataIdentity of(ExampleSet train, ExampleSet eval, String evalName, String normalization) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("training set", train.fingerprint());
        facts.put(evalName + " set", eval.fingerprint());
        facts.put("normalization", normalization);
        return new DataIdentity(facts);
    }

    /** Whether this identity says anything (checkpoints of older versions saved none). */
    public boolean isKnown() {
        return !facts.isEmpty();
    }

    /**
     * What differs between a checkpoint's identity ({@code this}) and the data of the run that
     * wants to resume from it, one phrase each; empty when they match.
     */
    public List<String> differencesFrom(DataIdentity now) {
        List<String> diffs = new ArrayList<>();
        facts.forEach((role, saved) -> {
            String current = now.facts.get(role);
            if (current == null) {
                diffs.add("the checkpoint was evaluated on a " + role + " (" + saved + "), this run has none");
            } else if (!current.equals(saved)) {
                diffs.add("the " + role + " was " + saved + " and is " + current + " now");
            }
        });
        now.facts.forEach((role, current) -> {
            if (!facts.containsKey(role)) {
                diffs.add("this run is evaluated on a " + role + " (" + current + "), the checkpoint was not");
            }
        });
        return diffs;
    }

    /** As JSON: the facts object. */
    Map<String, Object> toJson() {
        return new LinkedHashMap<>(facts);
    }

    /** Reads {@link #toJson()}; {@code null} (an older checkpoint) gives {@link #UNKNOWN}. */
    static DataIdentity fromJson(Object json) {
        if (json == null) {
            return UNKNOWN;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        Json.asObject(json, "\"data\"").forEach((k, v) -> facts.put(k, String.valueOf(v)));
        return new DataIdentity(facts);
    }
}
