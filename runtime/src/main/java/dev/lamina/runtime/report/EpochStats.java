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

    /**
     * Reads a row written by {@link #toJson()}, checking each field: {@code epoch} a whole number of
     * at least 1, accuracies in [0, 1] (or NaN: not measured), losses at least 0 (or NaN),
     * {@code seconds} finite and at least 0, {@code images_per_second} at least 0 (infinite for an
     * epoch too short to time), {@code learning_rate} finite and at least 0 when present.
     *
     * @throws IllegalArgumentException naming the field
     */
    public static EpochStats fromJson(Map<String, Object> m) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String key : m.keySet()) {
            if (key.startsWith("eval_") && !key.equals("eval_loss") && !key.equals("eval_accuracy")) {
                metrics.put(key.substring("eval_".length()), Json.number(m, key));
            }
        }
        return new EpochStats((int) Json.whole(m, "epoch", 1, Integer.MAX_VALUE), loss(m, "train_loss"),
                accuracy(m, "train_accuracy"), loss(m, "eval_loss"), accuracy(m, "eval_accuracy"),
                atLeastZero(m, "seconds"), rate(m, "images_per_second"),
                m.containsKey("learning_rate") ? atLeastZero(m, "learning_rate") : Double.NaN, metrics);
    }

    private static double accuracy(Map<String, Object> m, String key) {
        double value = Json.number(m, key);
        if (!(Double.isNaN(value) || value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", not an accuracy in [0, 1]");
        }
        return value;
    }

    private static double loss(Map<String, Object> m, String key) {
        double value = Json.number(m, key);
        if (value < 0) { // NaN and infinity: a run that diverged records them
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", not a loss (at least 0)");
        }
        return value;
    }

    private static double rate(Map<String, Object> m, String key) {
        double value = Json.number(m, key);
        if (!(value >= 0)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", not at least 0");
        }
        return value;
    }

    private static double atLeastZero(Map<String, Object> m, String key) {
        double value = Json.finite(m, key);
        if (value < 0) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", not at least 0");
        }
        return value;
    }
}
