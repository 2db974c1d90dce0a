package dev.lamina.processor.shape;

import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;
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
    public List<LayerKind> projectionLayers() {
        if (projectionStride.isEmpty()) {
            return List.of();
        }
        return Projection.layers(spec.origin(), projectionStride.getAsInt(), out.dim(0));
    }

    /**
     * Its multiply-accumulates for one example: its kind's ({@link LayerKind#macs}), or for a
     * sub-model field its layers' and its projection's.
     */
    public long macs() {
        if (spec instanceof LayerKind kind) {
            return kind.macs(in, out);
        }
        long macs = inside.macs();
        List<LayerKind> projection = projectionLayers();
        if (!projection.isEmpty()) {
            macs = saturatedSum(macs, projection.get(0).macs(in, out), projection.get(1).macs(out, out));
        }
        return macs;
    }

    /**
     * The activations it keeps for one example, in elements: its output, as every layer's output
     * is a new tensor (torchinfo's forward pass size counts the same); for a sub-model field its
     * layers' outputs, and for a residual its projection's two outputs and the sum of the two paths.
     */
    public long activations() {
        if (spec instanceof LayerKind) {
            return out.size();
        }
        long activations = inside.activations();
        if (projectionStride.isPresent()) {
            activations = saturatedSum(activations, out.size(), out.size());
        }
        return spec instanceof SubModelSpec sub && sub.residual() ? saturatedSum(activations, out.size()) : activations;
    }

    /** The sum of {@code counts}, or {@link Long#MAX_VALUE} when it overflows a long. */
    static long saturatedSum(long... counts) {
        long sum = 0;
        for (long c : counts) {
            sum = sum > Long.MAX_VALUE - c ? Long.MAX_VALUE : sum + c;
        }
        return sum;
    }

    public long params() {
        return Math.addExact(trainableParams, nonTrainableParams);
    }
}
