package dev.lamina.runtime;

/**
 * A value a person typed or configured is not acceptable: an unknown dataset or device name, a
 * training setting out of range, a validation fraction that leaves nothing to train on. The
 * message says which value, why, and what is accepted. A command line reports it as a usage error
 * (exit code 2), unlike failures of training itself.
 *
 * <p>It is an {@link IllegalArgumentException}, so code that catches those keeps working; but not
 * every {@code IllegalArgumentException} is one (DJL and PyTorch throw them for their own
 * failures).
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message which value is wrong, why, and what is accepted instead */
    public InvalidInputException(String message) {
        super(message);
    }
}
