package dev.lamina.processor.tensor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Shape of one example flowing between layers, without the batch axis: rank 3 (C, H, W) for a
 * feature map, rank 1 (features) for a vector.
 */
public record TensorShape(List<Integer> dims) {

    public TensorShape {
        dims = List.copyOf(dims);
    }

    public static TensorShape of(int... dims) {
        return new TensorShape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public int dim(int i) {
        return dims.get(i);
    }

    /** Rank 3: (C, H, W). */
    public boolean isFeatureMap() {
        return rank() == 3;
    }

    /** Rank 1: (features). */
    public boolean isVector() {
        return rank() == 1;
    }

    /**
     * Number of elements of one example; {@link Long#MAX_VALUE} when that overflows a long (only
     * for shapes that shape inference rejects as too large).
     */
    public long size() {
        long n = 1;
        try {
            for (int d : dims) {
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
        return n;
    }

    /** Whether one example has at most {@link Integer#MAX_VALUE} elements (what Lamina supports). */
    public boolean fitsInt() {
        return size() <= Integer.MAX_VALUE;
    }

    /** Keras style, e.g. {@code (32, 28, 28)} or {@code (128)}. */
    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
}
