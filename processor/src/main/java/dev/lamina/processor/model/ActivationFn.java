package dev.lamina.processor.model;

/** Mirror of {@code dev.lamina.Act} minus NONE, with the annotation each one comes from. */
public enum ActivationFn {
    RELU("ReLU", "relu"),
    LEAKY_RELU("LeakyReLU", "leaky_relu"),
    GELU("GELU", "gelu"),
    SIGMOID("Sigmoid", "sigmoid"),
    TANH("Tanh", "tanh"),
    SOFTMAX("Softmax", "softmax");

    private final String displayName;
    private final String suffix;

    ActivationFn(String displayName, String suffix) {
        this.displayName = displayName;
        this.suffix = suffix;
    }

    /** Name of the annotation, e.g. {@code "ReLU"}. */
    public String displayName() {
        return displayName;
    }

    /** Block-name suffix, e.g. {@code conv1_relu}. */
    public String suffix() {
        return suffix;
    }
}
