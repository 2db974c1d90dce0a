package dev.lamina.runtime.checkpoint;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes parameters fit a model: every parameter's name (DJL's path through the block tree,
 * e.g. {@code 01Conv2d_weight}) and shape, in order. Two blocks accept each other's checkpoints
 * exactly when their signatures are equal.
 *
 * @param parameters name to shape (e.g. {@code "(8, 1, 3, 3)"}), in the block's order
 */
public record ModelSignature(Map<String, String> parameters) {

    /** How many differences {@link #differencesFrom} lists before it stops. */
    static final int MAX_LISTED = 5;

    public ModelSignature {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The signature of an initialized block. */
    public static ModelSignature of(Block block) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            Shape shape = param.isInitialized() ? param.getArray().getShape() : param.getShape();
            map.put(p.getKey(), String.valueOf(shape));
        }
        return new ModelSignature(map);
    }

    /**
     * The first few differences between a checkpoint's signature ({@code this}) and a model's, one
     * phrase each; empty when they match.
     */
    public List<String> differencesFrom(ModelSignature model) {
        return differencesFrom(model, "checkpoint");
    }

    /**
     * Like {@link #differencesFrom(ModelSignature)}, calling the side of {@code this} {@code saved}
     * (e.g. {@code "saved model"}) in the phrases.
     */
    public List<String> differencesFrom(ModelSignature model, String saved) {
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String other = model.parameters.get(e.getKey());
            if (other == null) {
                diffs.add("'" + e.getKey() + "' " + e.getValue() + " is in the " + saved + " but not in the model");
            } else if (!other.equals(e.getValue())) {
                diffs.add("'" + e.getKey() + "' has shape " + e.getValue() + " in the " + saved + " but "
                        + other + " in the model");
            }
        }
        for (Map.Entry<String, String> e : model.parameters.entrySet()) {
            if (!parameters.containsKey(e.getKey())) {
                diffs.add("'" + e.getKey() + "' " + e.getValue() + " is in the model but not in the " + saved);
            }
        }
        return diffs;
    }
}
