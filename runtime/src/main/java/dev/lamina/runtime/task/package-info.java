/**
 * What a network predicts, in one place per task ({@link dev.lamina.Model.Task}): {@link TaskSpec}
 * (sealed, one record per task) holds the task's DJL loss in its numerically stable form on the
 * raw outputs, how a batch's labels or targets become the loss's label tensor, the task's metrics
 * ({@link TaskMetrics}, accumulated by {@link TaskSpec.Metrics}), the validation metric the best
 * epoch is chosen on, and how one raw output row becomes a prediction ({@link Prediction}). The
 * trainer, the saved model and the predictor read a Net's task through it; nothing else in the
 * runtime switches on the task. Pure functions on arrays ({@link Scores}) compute the metrics, so
 * they can be checked against independent computations.
 */
package dev.lamina.runtime.task;
