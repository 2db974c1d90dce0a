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
 */
public sealed interface LayerSpec
        permits ConvSpec, DenseSpec, BatchNormSpec, DropoutSpec, PoolSpec, GlobalAvgPoolSpec,
                FlattenSpec, ActivationSpec, SubModelSpec {

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

    /** {@code @Conv} or {@code @Dense}: a layer with a weight matrix. */
    default boolean isWeighted() {
        return this instanceof ConvSpec || this instanceof DenseSpec;
    }
}
