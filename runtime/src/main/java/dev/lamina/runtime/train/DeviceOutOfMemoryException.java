package dev.lamina.runtime.train;

/** The device (or the Java heap) ran out of memory during training; the message gives a hint. */
public class DeviceOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceOutOfMemoryException(String device, int batchSize, Throwable cause) {
        super("out of memory on " + device + " while training with batch size " + batchSize
                + ". Try a smaller batch size (e.g. --batch-size " + Math.max(1, batchSize / 2)
                + ")" + (device.startsWith("cpu") ? " or a larger Java heap (-Xmx)" : "")
                + ". Cause: " + firstLine(cause.getMessage()), cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
