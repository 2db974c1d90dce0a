package dev.lamina.processor.model;

/**
 * What the stages that do not work per kind ask of every layer kind: the lints (which layers hold
 * weights, which ones compose linearly between them) and shape inference walking past a layer
 * with an attribute error (which ones keep their input's shape whatever their attributes).
 */
public enum LayerRole {
    /** Weights of its own: a convolution or a dense layer. */
    WEIGHTED(true, false, false),
    /** Affine in its input at inference, output shaped as its input: batch norm, dropout. */
    AFFINE_SAME_SHAPE(false, true, true),
    /** Affine in its input at inference, output shaped otherwise: flatten, average pooling. */
    AFFINE(false, true, false),
    /** Not affine, output shaped as its input: activations. */
    NONLINEAR_SAME_SHAPE(false, false, true),
    /** Not affine, output shaped otherwise: max pooling, a sub-model. */
    NONLINEAR(false, false, false);

    private final boolean weighted;
    private final boolean linear;
    private final boolean keepsShape;

    LayerRole(boolean weighted, boolean linear, boolean keepsShape) {
        this.weighted = weighted;
        this.linear = linear;
        this.keepsShape = keepsShape;
    }

    /** Whether the layer holds weights of its own. */
    public boolean weighted() {
        return weighted;
    }

    /** Whether the layer, not being weighted, is affine in its input at inference. */
    public boolean linear() {
        return linear;
    }

    /** Whether the layer's output has its input's shape whatever its attributes are. */
    public boolean keepsShape() {
        return keepsShape;
    }
}
