package dev.lamina.processor.tensor;


/**
 * A sliding window along one spatial side (square kernels and pools): the output-size formulas
 * and the explicit symmetric padding DJL is given for {@code Padding.SAME}.
 *
 * <ul>
 *   <li>VALID: {@code out = floor((in - span) / stride) + 1} with {@code span = dilation*(size-1)+1};
 *       impossible when {@code span > in}.
 *   <li>SAME: {@code out = ceil(in / stride)}, obtained with {@code (span - 1) / 2} zeros on each
 *       side when the span is odd. An even pool window whose stride equals its size (e.g. the
 *       common 2x2 pool) gets no padding and DJL's ceil mode instead, which gives the same size.
 *       Any other even span would need asymmetric padding: {@link #sameSupported()} is false and
 *       shape inference reports an error instead of generating a silently different model.
 * </ul>
 *
 * @param pool whether it is a pooling window (allows the ceil-mode case)
 */
public record Window(int size, int stride, int dilation, PaddingMode padding, boolean pool) {

    /** The window of a convolution's square kernel. */
    public static Window convolution(int kernel, int stride, int dilation, PaddingMode padding) {
        return new Window(kernel, stride, dilation, padding, false);
    }

    /** Extent of the window on the input, dilation included (a long: it may exceed an int). */
    public long span() {
        return (long) dilation * (size - 1) + 1;
    }

    /** Whether SAME can be expressed with symmetric padding (always true for VALID). */
    public boolean sameSupported() {
        return padding == PaddingMode.VALID || span() % 2 == 1 || ceilMode();
    }

    /** DJL ceil mode: only for an even SAME pool window whose stride is its size. */
    public boolean ceilMode() {
        return pool && padding == PaddingMode.SAME && span() % 2 == 0 && stride == size;
    }

    /** Zeros added on each side (shape inference rejects spans beyond an int first). */
    public int pad() {
        return padding == PaddingMode.SAME && span() % 2 == 1 ? Math.toIntExact((span() - 1) / 2) : 0;
    }

    /** Whether the window fits in an input side of {@code in}. */
    public boolean fits(int in) {
        return padding == PaddingMode.SAME || span() <= in;
    }

    /** Output side for an input side of {@code in}; only meaningful when {@link #fits(int)}. */
    public int out(int in) {
        if (padding == PaddingMode.SAME) {
            return (int) ((in + (long) stride - 1) / stride);
        }
        return (int) ((in - span()) / stride + 1);
    }
}
