package dev.lamina.runtime.checkpoint;

/**
 * A checkpoint cannot be used: missing, unreadable, or saved from a different model. The message
 * names the checkpoint file and what to do.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
