package dev.lamina.runtime.report;

import dev.lamina.runtime.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch of training measured.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean softmax cross-entropy over the epoch's training batches
 * @param trainAccuracy fraction of training examples classified right during the epoch
 * @param evalLoss mean loss on the evaluation set (validation if given, else test), training off
 * @param evalAccuracy accuracy on the evaluation set
 * @param seconds wall time of the epoch (training and evaluation)
 * @param imagesPerSecond training images per second (training batches only)
 * @param learningRate the rate of the epoch's last optimizer step (it moves under a schedule); NaN
 *     when unknown (histories written before it was recorded)
 * @param evalMetrics the task's further metrics on the evaluation set, by name in their order
 *     ({@code precision}, {@code recall}, {@code f1}, {@code roc_auc}; {@code mae}, {@code rmse},
 *     {@code r2}); empty for a multi-class model, whose rows stay as they were (docs/tasks.md)
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double evalLoss,
                         double evalAccuracy, double seconds, double imagesPerSecond, double learningRate,
                         Map<String, Double> evalMetrics) {

    public EpochStats {
        evalMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evalMetrics));
    }

    /** An epoch of a multi-class model. */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double evalLoss, double evalAccuracy,
                      double seconds, double imagesPerSecond, double learningRate) {
        this(epoch, trainLoss, trainAccuracy, evalLoss, evalAccuracy, seconds, imagesPerSecond, learningRate, Map.of());
    }

    /** An epoch whose learning rate is not known. */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double evalLoss, double evalAccuracy,
                      double seconds, double imagesPerSecond) {
        this(epoch, trainLoss, trainAccuracy, evalLoss, evalAccuracy, seconds, imagesPerSecond, Double.NaN);
    }

    /** This row as a JSON object (keys as in {@code history.csv}). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("train_loss", trainLoss);
        m.put("train_accuracy", trainAccuracy);
        m.put("eval_loss", evalLoss);
        m.put("eval_accuracy", evalAccuracy);
        m.put("seconds", seconds);
        m.put("images_per_second", imagesPerSecond);
        if (!Double.isNaN(learningRate)) {
            m.put("learning_rate", learningRate);
        }
        evalMetrics.forEach((name, value) -> m.put("eval_" + name, value));
        return m;
    }

    /** Reads a row written by {@link #toJson()}. */
    public static EpochStats fromJson(Map<String, Object> m) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : m.keySet()) {
            if (key.startsWith("eval_") && !key.equals("eval_loss") && !key.equals("eval_accuracy")) {
                metrics.put(key.substring("eval_".length()), Json.number(m, key));
            }
        }
        return new EpochStats((int) Json.number(m, "epoch"), Json.number(m, "train_loss"),
                Json.number(m, "train_accuracy"), Json.number(m, "eval_loss"),
                Json.number(m, "eval_accuracy"), Json.number(m, "seconds"),
                Json.number(m, "images_per_second"),
                m.containsKey("learning_rate") ? Json.number(m, "learning_rate") : Double.NaN, metrics);
    }
}
