package dev.lamina.runtime.onnx;

/**
 * A model cannot be exported to ONNX: a layer kind the exporter has no ONNX operators for (the
 * message names the layer and its DJL class), or settings it cannot read. No file is written.
 */
public class OnnxExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxExportException(String message) {
        super(message);
    }
}
