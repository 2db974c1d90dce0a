package dev.lamina.processor.shape;

import dev.lamina.processor.tensor.TensorShape;
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
