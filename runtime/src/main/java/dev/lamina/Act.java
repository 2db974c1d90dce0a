package dev.lamina;

/**
 * Activation applied after a weighted layer, as in Keras's {@code activation=} argument.
 * {@code @Conv(activation = Act.RELU)} is the same as {@code @Conv @ReLU}.
 */
public enum Act {
    /** No activation: the layer's output is linear. */
    NONE,
    /** max(0, x). */
    RELU,
    /** x for x &gt; 0, 0.01 x otherwise (use {@link LeakyReLU} to choose the slope). */
    LEAKY_RELU,
    /** Gaussian error linear unit. */
    GELU,
    /** 1 / (1 + e^-x). */
    SIGMOID,
    /** Hyperbolic tangent. */
    TANH,
    /** Softmax over the features of a vector, or the channels of a (C, H, W) map at each pixel ({@link Softmax}). */
    SOFTMAX
}
