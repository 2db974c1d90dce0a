package dev.lamina.examples.experiment;

/** Training could not finish (e.g. the loss became NaN); the CLI exits with status 1. */
public final class TrainingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, where, and what to try */
    public TrainingFailedException(String message) {
        super(message);
    }
}
