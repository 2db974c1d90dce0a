package dev.lamina.runtime.train;

import dev.lamina.runtime.task.TaskMetrics;

/**
 * A model's loss and metrics on a data set, measured with training off (no dropout, batch norm
 * uses its running statistics).
 *
 * @param loss mean loss of the task (softmax cross-entropy for multi-class)
 * @param accuracy fraction classified right (binary: at the threshold; multi-label: decisions
 *     right; regression: NaN)
 * @param examples how many examples were measured
 * @param confusion per (true class, predicted class) counts, over the model's output classes
 *     (binary: 2 x 2 at the threshold; multi-label and regression: empty)
 * @param metrics the task's metrics ({@link TaskMetrics}) and the value the best epoch is chosen on
 */
public record Evaluation(double loss, double accuracy, int examples, ConfusionMatrix confusion, TaskMetrics metrics) {

    /** A multi-class evaluation, whose metric is its accuracy. */
    public Evaluation(double loss, double accuracy, int examples, ConfusionMatrix confusion) {
        this(loss, accuracy, examples, confusion, TaskMetrics.accuracyOnly(accuracy));
    }
}
