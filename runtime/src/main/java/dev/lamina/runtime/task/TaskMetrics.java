package dev.lamina.runtime.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one evaluation measured besides the loss, for a task.
 *
 * @param accuracy multi-class: fraction classified right; binary: fraction right at the threshold;
 *     multi-label: fraction of (example, label) decisions right at the threshold; regression: NaN
 * @param values the task's further metrics by name, in a fixed order ({@code precision}, {@code
 *     recall}, {@code f1}, {@code roc_auc}; {@code mae}, {@code rmse}, {@code r2}); empty for
 *     multi-class, whose history files stay as they were
 * @param selection the value the best epoch is chosen on, higher is better ({@link
 *     TaskSpec#selectionMetric()})
 */
public record TaskMetrics(double accuracy, Map<String, Double> values, double selection) {

    public TaskMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Multi-class: the accuracy, which is also what the best epoch is chosen on. */
    public static TaskMetrics accuracyOnly(double accuracy) {
        return new TaskMetrics(accuracy, Map.of(), accuracy);
    }

    /** The metric {@code name}, NaN when it was not measured. */
    public double get(String name) {
        return name.equals("accuracy") ? accuracy : values.getOrDefault(name, Double.NaN);
    }
}
