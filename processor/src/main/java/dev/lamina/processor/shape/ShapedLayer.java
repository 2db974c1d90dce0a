package dev.lamina.processor.shape;

import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.tensor.TensorShape;
import java.util.OptionalInt;

/**
 * A layer with its compile-time shapes and parameter counts.
 *
 * @param spec the layer
 * @param in shape it receives (one example, no batch axis)
 * @param out shape it produces
 * @param trainableParams weights and biases (batch norm: gamma and beta)
 * @param nonTrainableParams batch norm running mean and variance
 * @param projectionStride for {@code @Residual(projection = true)}: the stride of the skip path's
 *     1x1 convolution ({@link Projection#stride}), inferred here once so code generation only
 *     reads it; empty for every other layer
 * @param inside for a sub-model field: the sub-model's layers with the shapes they have fed
 *     {@code in}, inferred here once so the lints can see the whole network; null for every other
 *     layer
 */
public record ShapedLayer(LayerSpec spec, TensorShape in, TensorShape out, long trainableParams,
                          long nonTrainableParams, OptionalInt projectionStride, ShapedModel inside) {

    /** A layer without a projection. */
    public ShapedLayer(LayerSpec spec, TensorShape in, TensorShape out, long trainableParams, long nonTrainableParams) {
        this(spec, in, out, trainableParams, nonTrainableParams, OptionalInt.empty());
    }

    /** A layer that is not a sub-model. */
    public ShapedLayer(LayerSpec spec, TensorShape in, TensorShape out, long trainableParams, long nonTrainableParams,
                       OptionalInt projectionStride) {
        this(spec, in, out, trainableParams, nonTrainableParams, projectionStride, null);
    }

    /**
     * The skip path of {@code @Residual(projection = true)} as layers of their kinds ({@link
     * Projection#layers}), empty for every other layer.
     */
    public java.util.List<dev.lamina.processor.model.LayerKind> projectionLayers() {
        if (projectionStride.isEmpty()) {
            return java.util.List.of();
        }
        return Projection.layers(spec.origin(), projectionStride.getAsInt(), out.dim(0));
    }

    public long params() {
        return Math.addExact(trainableParams, nonTrainableParams);
    }
}
