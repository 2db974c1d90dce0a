package dev.lamina.runtime.model;

/**
 * A saved model directory cannot be written or loaded: it is not one, it belongs to another model
 * class, its parameter names or shapes differ from the compiled model's, or a file is missing,
 * truncated or damaged. The message names the directory and what differs.
 */
public class LaminaModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LaminaModelException(String message) {
        super(message);
    }

    public LaminaModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
