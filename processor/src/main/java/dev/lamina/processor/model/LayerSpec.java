package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/**
 * One operation of a model, as plain data. A field with several layer annotations yields several
 * specs, left to right ({@code @Conv @BatchNorm @ReLU} = conv, batch norm, ReLU); so does an
 * {@code activation =} attribute (an {@link ActivationSpec} right after its weighted layer).
 *
 * <p>{@link #name()} is unique within a model and becomes the DJL block name: the field name for
 * the field's first operation, {@code field + "_" + suffix} for the others (e.g. {@code conv1_bn},
 * {@code conv1_relu}).
 *
 * <p>It is either a {@link LayerKind} (a layer: each kind is one record, its whole definition,
 * from annotation binding to shape rule and DJL block) or a {@link SubModelSpec} (a field whose
 * type is another {@code @Model} class: composition, which shape inference and code generation
 * handle themselves, the only place they tell the two apart). What every operation answers is here, abstract where it must be: a new kind
 * does not compile until it answers it.
 */
public sealed interface LayerSpec permits LayerKind, SubModelSpec {

    /** Unique block name within the model (see the class comment). */
    String name();

    /** Where it was declared. */
    Origin origin();

    /** The Java field that declared it. */
    default String field() {
        return origin().field();
    }

    /** Short kind for summaries and messages, e.g. {@code "Conv"}, {@code "Dropout"}. */
    String kind();

    /** What the lints and shape inference's error recovery ask of this kind. */
    LayerRole role();

    /** A layer with weights of its own ({@code @Conv}, {@code @Dense}, ...): {@link LayerRole#weighted()}. */
    default boolean isWeighted() {
        return role().weighted();
    }

    /**
     * A weighted layer slid over a feature map ({@code @Conv}, {@code @DepthwiseConv}): what lints
     * about "a conv" look at. {@link LayerRole#convolution()}.
     */
    default boolean isConvolution() {
        return role().convolution();
    }

    /**
     * Whether it adds a learned bias: the {@code bias} attribute of a weighted kind that has one
     * ({@code @Conv}, {@code @DepthwiseConv}, {@code @Dense}: their record component {@code bias}
     * implements this), false for every other kind.
     */
    default boolean bias() {
        return false;
    }

    /**
     * Whether, not being weighted, it is affine in its input at inference, so two weighted layers
     * with only such layers between them compose into one linear map (batch norm, dropout,
     * flatten, average pooling). Activations, max pooling and sub-models are not.
     */
    default boolean isLinear() {
        return role().linear();
    }

    /** Whether its output has its input's shape whatever its attributes are (dropout, batch norm, activations). */
    default boolean keepsShape() {
        return role().keepsShape();
    }

    /** Reports every attribute of this layer outside its valid range. */
    void checkAttributes(RangeCheck check);
}
