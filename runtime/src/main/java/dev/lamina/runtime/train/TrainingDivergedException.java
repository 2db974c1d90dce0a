package dev.lamina.runtime.train;

/**
 * The loss became NaN or infinite. Training stopped before the bad step was applied and nothing
 * was saved after it, so the last checkpoint holds the last good parameters.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    /**
     * @param which which loss went bad, e.g. {@code "the training loss"}
     * @param checkpoint what happened to the checkpoints, as a clause
     */
    public TrainingDivergedException(int epoch, int batch, String which, double loss, float learningRate,
                                     String checkpoint) {
        super("training diverged: " + which + " is " + loss + " at epoch " + epoch + ", batch " + batch
                + ". Training stopped; " + checkpoint + ". Try a smaller learning rate (now "
                + learningRate + ", the peak rate under a schedule) or check the input data for NaN values.");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The 1-based epoch where the loss went bad. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based batch within that epoch. */
    public int batch() {
        return batch;
    }
}
