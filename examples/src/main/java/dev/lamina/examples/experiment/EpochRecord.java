package dev.lamina.examples.experiment;

import java.io.Serializable;

/**
 * One finished epoch of one run (serializable: a Spark task sends its runs' records to the driver).
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy over the epoch (with dropout active)
 * @param testAccuracy accuracy on the full test set after the epoch
 * @param seconds wall time of the epoch's training steps (evaluation excluded)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                          double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;
}
