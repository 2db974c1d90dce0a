package dev.lamina.runtime.device;

/** The device the user asked for does not exist, or the parameters did not end up on it. */
public class DeviceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
