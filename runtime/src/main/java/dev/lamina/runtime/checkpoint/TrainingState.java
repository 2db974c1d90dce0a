package dev.lamina.runtime.checkpoint;

import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything besides the parameters and the optimizer's state ({@link OptimizerState}, saved next
 * to them) that a run needs to continue where it stopped.
 *
 * @param epoch epochs completed
 * @param step optimizer steps taken
 * @param bestEpoch the epoch with the best evaluation accuracy so far (0 if none)
 * @param bestAccuracy that accuracy
 * @param seed the run's random seed
 * @param config the training settings (epochs, batch size, ...), for people and for resume
 * @param evalName what the history's evaluation columns measured ({@code test} or {@code validation})
 * @param signature the model the parameters belong to
 * @param data what the run trained and evaluated on (a resume must use the same)
 * @param history one row per completed epoch
 */
public record TrainingState(int epoch, long step, int bestEpoch, double bestAccuracy, long seed,
                            Map<String, Object> config, String evalName, ModelSignature signature,
                            DataIdentity data, List<EpochStats> history) {

    public TrainingState {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        history = List.copyOf(history);
    }

    /** This state as a JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "lamina-checkpoint-1");
        m.put("epoch", epoch);
        m.put("step", step);
        m.put("best_epoch", bestEpoch);
        m.put("best_accuracy", bestAccuracy);
        m.put("seed", Long.toString(seed));
        m.put("config", config);
        m.put("eval", evalName);
        m.put("parameters", new LinkedHashMap<String, Object>(signature.parameters()));
        m.put("data", data.toJson());
        m.put("history", history.stream().map(EpochStats::toJson).toList());
        return m;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static TrainingState fromJson(Map<String, Object> m) {
        Object format = m.get("format");
        if (!"lamina-checkpoint-1".equals(format)) {
            throw new IllegalArgumentException("unknown checkpoint format " + format
                    + " (this Lamina reads lamina-checkpoint-1)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Json.asObject(m.get("parameters"), "\"parameters\"").forEach((k, v) -> params.put(k, String.valueOf(v)));
        List<EpochStats> history = Json.asArray(m.get("history"), "\"history\"").stream()
                .map(row -> EpochStats.fromJson(Json.asObject(row, "a history row"))).toList();
        return new TrainingState((int) Json.number(m, "epoch"), (long) Json.number(m, "step"),
                (int) Json.number(m, "best_epoch"), Json.number(m, "best_accuracy"),
                Long.parseLong(Json.string(m, "seed")), Json.asObject(m.get("config"), "\"config\""),
                Json.string(m, "eval"), new ModelSignature(params),
                DataIdentity.fromJson(m.get("data")), history);
    }
}
