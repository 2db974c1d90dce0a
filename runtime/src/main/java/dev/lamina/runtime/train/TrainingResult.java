package dev.lamina.runtime.train;

import dev.lamina.runtime.report.EpochStats;
import dev.lamina.runtime.report.EvalTarget;
import dev.lamina.runtime.task.TaskMetrics;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced.
 *
 * @param history one row per epoch of the whole run (a resumed run includes the earlier epochs)
 * @param evalTarget what the history's evaluation columns measured: the validation set when one
 *     was given, else the test set
 * @param bestEpoch the epoch with the best evaluation accuracy (other tasks: the best value of
 *     their selection metric, {@code TaskSpec.selectionMetric()})
 * @param bestAccuracy that accuracy (or value)
 * @param testLoss the final model's loss on the test set
 * @param testAccuracy the final model's accuracy on the test set
 * @param devices the devices trained on, e.g. {@code "gpu(0), gpu(1)"} or {@code "cpu()"}
 * @param outputDir where checkpoints and history went, or {@code null}
 * @param stoppedEarly whether early stopping ended the run before its configured epochs
 * @param testMetrics the task's metrics of the final model on the test set (for multi-class its
 *     accuracy only)
 */
public record TrainingResult(List<EpochStats> history, EvalTarget evalTarget, int bestEpoch, double bestAccuracy,
                             double testLoss, double testAccuracy, String devices, Path outputDir,
                             boolean stoppedEarly, TaskMetrics testMetrics) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** A multi-class run's result. */
    public TrainingResult(List<EpochStats> history, EvalTarget evalTarget, int bestEpoch, double bestAccuracy,
                          double testLoss, double testAccuracy, String devices, Path outputDir, boolean stoppedEarly) {
        this(history, evalTarget, bestEpoch, bestAccuracy, testLoss, testAccuracy, devices, outputDir, stoppedEarly,
                TaskMetrics.accuracyOnly(testAccuracy));
    }

    /** The last epoch's row. */
    public EpochStats lastEpoch() {
        return history.get(history.size() - 1);
    }
}
