package dev.lamina.runtime.model;

/**
 * The inference engine asked for cannot run here: its DJL engine is not on the class path, or its
 * native library does not load. The message names the engine, what is missing and what to add.
 */
public class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineUnavailableException(String message) {
        super(message);
    }

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
