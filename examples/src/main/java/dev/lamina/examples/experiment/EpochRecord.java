package dev.lamina.examples.experiment;

/**
 * One finished epoch of one run.
 *
 * @param epoch 1-based
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy over the epoch (with dropout active)
 * @param testAccuracy accuracy on the full test set after the epoch
 * @param seconds wall time of the epoch's training steps (evaluation excluded)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy,
                          double seconds) {}
