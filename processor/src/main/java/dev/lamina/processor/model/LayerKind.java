package dev.lamina.processor.model;

import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;

/**
 * A layer kind: every {@link LayerSpec} but a sub-model field. Its record is the kind's one
 * definition (as DJL's {@code Block} is one layer's): its annotation binding and typed attributes
 * (a static {@code BINDINGS} list), attribute ranges and role (from {@link LayerSpec}), its shape
 * rule ({@link #shape}), its cost ({@link #macs}), its DJL block ({@link #block}) and its ONNX operators ({@link #onnx}). The methods are abstract, so a new kind
 * does not compile until it has each; the static {@code BINDINGS}, which javac cannot require, is
 * checked by {@code LayerKindsTest}. The {@code permits} list is the registry: {@link LayerKinds}
 * reads each permitted record's bindings from it, and a record missing from it does not compile.
 */
public sealed interface LayerKind extends LayerSpec
        permits ConvSpec, DepthwiseConvSpec, DenseSpec, BatchNormSpec, LayerNormSpec, DropoutSpec, PoolSpec,
                GlobalAvgPoolSpec, GlobalMaxPoolSpec, FlattenSpec, ActivationSpec {

    /**
     * The kind's shape rule: its output and parameters fed {@code in}, or null after reporting
     * through {@code checks} why it cannot take it.
     *
     * @throws ArithmeticException when a parameter count overflows a long (shape inference reports it)
     */
    LayerShape shape(TensorShape in, ShapeChecks checks);

    /**
     * Its multiply-accumulates for one example, fed {@code in} and producing {@code out}: a
     * weighted layer's products of an input and a weight summed into an output (a convolution:
     * output elements x kernel area x input channels per filter; a dense layer: inputs x units),
     * without its bias; 0 for the element-wise and data-movement kinds (normalization, activation,
     * pooling, dropout, flatten), which count no MAC, as ONNX's {@code Conv}/{@code Gemm} counts
     * do. Saturates at {@link Long#MAX_VALUE} ({@link #product}).
     */
    long macs(TensorShape in, TensorShape out);

    /** The product of {@code factors}, or {@link Long#MAX_VALUE} when it overflows a long. */
    static long product(long... factors) {
        long n = 1;
        for (long f : factors) {
            long high = Math.multiplyHigh(n, f);
            n *= f;
            if (high != 0 || n < 0) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** The DJL block this layer builds, fed {@code in} and producing {@code out} (its shapes in the model). */
    BlockRecipe block(TensorShape in, TensorShape out);

    /**
     * How ONNX computes what {@link #block} computes at inference, fed {@code in} and producing
     * {@code out}: its operators and attributes, and which of the block's parameters they read.
     */
    OnnxRecipe onnx(TensorShape in, TensorShape out);

    /**
     * Its attributes by name, in declaration order: the record's components but {@code name} and
     * {@code origin} (numbers, booleans, and enum constants by name), for the Net's layer descriptor.
     */
    default java.util.Map<String, Object> attributes() {
        java.util.Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : getClass().getRecordComponents()) {
            if (c.getName().equals("name") || c.getName().equals("origin")) {
                continue;
            }
            try {
                Object value = c.getAccessor().invoke(this);
                attributes.put(c.getName(), value instanceof Enum<?> e ? e.name() : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + this, e);
            }
        }
        return attributes;
    }

    /**
     * Its output whatever its input, when it does not depend on it ({@code @Dense}: (units)), so
     * shape inference can check the layers after one whose input was wrong; null for most kinds.
     */
    default TensorShape outputWhateverTheInput() {
        return null;
    }

    /**
     * Its sliding window (a conv's kernel, a pool's window), whose attributes alone can be invalid
     * (an even SAME window); null for a kind without one.
     */
    default Window window() {
        return null;
    }
}
