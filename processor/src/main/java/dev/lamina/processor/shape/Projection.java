package dev.lamina.processor.shape;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import java.util.List;
import java.util.OptionalInt;

/**
 * The skip path of {@code @Residual(projection = true)}: a 1x1 convolution without bias (no
 * padding) followed by a batch norm, mapping the sub-model's input shape onto its output shape.
 */
public final class Projection {

    private Projection() {}

    /**
     * The stride of the 1x1 convolution that maps {@code in} to the spatial size of {@code out}
     * ({@code ceil(side / stride)} per side), or empty when none does (or the shapes are not
     * both feature maps).
     */
    public static OptionalInt stride(TensorShape in, TensorShape out) {
        if (!in.isFeatureMap() || !out.isFeatureMap() || out.dim(1) < 1 || out.dim(2) < 1) {
            return OptionalInt.empty();
        }
        // ceil(side / s) falls as s grows, so the smallest s giving out is ceil(side / out): the
        // smallest stride that fits both sides is the larger of the two, if it fits both at all.
        int s = Math.max(ceilDiv(in.dim(1), out.dim(1)), ceilDiv(in.dim(2), out.dim(2)));
        if (ceilDiv(in.dim(1), s) == out.dim(1) && ceilDiv(in.dim(2), s) == out.dim(2)) {
            return OptionalInt.of(s);
        }
        return OptionalInt.empty();
    }

    /**
     * The skip path as layers of their kinds, named as its block's children: {@code conv}, the 1x1
     * convolution of {@code stride} to {@code filters} channels without bias, then {@code bn}, a
     * batch norm with DJL's defaults (momentum 0.9, epsilon 1e-5), as the generated code builds them.
     */
    public static List<LayerKind> layers(Origin origin, int stride, int filters) {
        return List.of(new ConvSpec("conv", origin, filters, 1, stride, PaddingMode.VALID, 1, false),
                new BatchNormSpec("bn", origin, 0.9, 1e-5));
    }

    /** Weights of the 1x1 convolution plus batch norm gamma and beta. */
    public static long trainableParams(TensorShape in, TensorShape out) {
        return (long) in.dim(0) * out.dim(0) + 2L * out.dim(0);
    }

    /** Running mean and variance of the batch norm. */
    public static long nonTrainableParams(TensorShape out) {
        return 2L * out.dim(0);
    }

    private static int ceilDiv(int a, int b) {
        return (int) ((a + (long) b - 1) / b);
    }
}
