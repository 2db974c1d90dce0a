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
 * <p><b>A layer kind is one record.</b> Each record of the {@code permits} list is the definition
 * of its kind: its annotation binding and typed attributes (a static {@code BINDINGS} list, listed
 * in {@link LayerKinds}), its attribute ranges ({@link #checkAttributes}) and what the rest of the
 * processor asks of every kind ({@link #isWeighted}, {@link #isLinear}, {@link #keepsShape}), all
 * abstract, so a new record does not compile until it answers them. What a later stage does per
 * kind (its shape rule in {@code shape/ShapeInference}, its DJL expression in
 * {@code codegen/BlockCode}) is a {@link Visitor} there, with one method per kind and no default:
 * a new kind adds its method here, and the compiler lists every visitor that must handle it.
 */
public sealed interface LayerSpec
        permits ConvSpec, DepthwiseConvSpec, DenseSpec, BatchNormSpec, DropoutSpec, PoolSpec,
                GlobalAvgPoolSpec, GlobalMaxPoolSpec, FlattenSpec, ActivationSpec, SubModelSpec {

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

    /** Calls the visitor's method for this kind. */
    <R, P> R accept(Visitor<R, P> visitor, P parameter);

    /**
     * One method per layer kind (as javac's {@code ElementVisitor}): a stage that does something
     * different per kind implements it, and a new kind's method makes every such stage fail to
     * compile until it handles the kind.
     *
     * @param <R> the result
     * @param <P> an extra parameter (e.g. the input shape)
     */
    interface Visitor<R, P> {
        R visitConv(ConvSpec conv, P parameter);

        R visitDepthwiseConv(DepthwiseConvSpec conv, P parameter);

        R visitDense(DenseSpec dense, P parameter);

        R visitBatchNorm(BatchNormSpec batchNorm, P parameter);

        R visitDropout(DropoutSpec dropout, P parameter);

        R visitPool(PoolSpec pool, P parameter);

        R visitGlobalAvgPool(GlobalAvgPoolSpec pool, P parameter);

        R visitGlobalMaxPool(GlobalMaxPoolSpec pool, P parameter);

        R visitFlatten(FlattenSpec flatten, P parameter);

        R visitActivation(ActivationSpec activation, P parameter);

        R visitSubModel(SubModelSpec subModel, P parameter);
    }
}
