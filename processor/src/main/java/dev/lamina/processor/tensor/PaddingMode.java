package dev.lamina.processor.tensor;

/** Mirror of {@code dev.lamina.Padding} (the processor does not depend on the runtime). */
public enum PaddingMode {
    SAME,
    VALID
}
