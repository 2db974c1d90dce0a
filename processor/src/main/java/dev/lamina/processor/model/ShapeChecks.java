package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;

/**
 * The checks layer kinds' shape rules share, each reporting its own error: handed to
 * {@link LayerKind#shape} by shape inference, which collects what they report (a rule that cannot
 * take its input reports why and returns null).
 */
public interface ShapeChecks {

    /** Reports a finding about the layer at hand: an error (then the rule returns null) or a warning. */
    void report(Finding finding);

    /** Whether {@code in} is a (C, H, W) feature map; else reports that {@code what} needs one. */
    default boolean needsFeatureMap(LayerSpec layer, TensorShape in, String what) {
        if (in.isFeatureMap()) {
            return true;
        }
        report(Problem.spatialLayerOnVector(layer.origin(), layer.name(), in.dims(), what));
        return false;
    }

    /**
     * {@code w} applied to H and W of {@code in} (C kept), or null after reporting why it cannot be:
     * an even SAME window, a window too large to count, or one larger than a VALID input.
     * {@code what} names the window in messages ({@code "kernel"}), {@code knob} what to make
     * smaller ({@code "pool size"}), {@code djlBlock} the DJL block that cannot pad asymmetrically.
     */
    TensorShape window(LayerSpec layer, Window w, TensorShape in, String what, String knob, String djlBlock);

    /**
     * A convolution of {@code filters} output channels, each reading {@code inputsPerFilter} input
     * channels (all of them, or one per group) through the square window {@code w}; its weights
     * and biases. {@code description} says what needs a feature map ({@code "a 2-D convolution"}).
     *
     * @throws ArithmeticException when the parameter count overflows a long (reported by shape inference)
     */
    default LayerShape convolution(LayerSpec layer, Window w, TensorShape in, String description, int filters,
                                   int inputsPerFilter, boolean bias) {
        if (!needsFeatureMap(layer, in, description)) {
            return null;
        }
        String what = w.dilation() > 1 ? "dilated kernel" : "kernel";
        TensorShape spatial = window(layer, w, in, what, "kernel or dilation", "Conv2d");
        if (spatial == null) {
            return null;
        }
        long weights = Math.multiplyExact(Math.multiplyExact((long) w.size() * w.size(), inputsPerFilter),
                (long) filters);
        return new LayerShape(TensorShape.of(filters, spatial.dim(1), spatial.dim(2)),
                Math.addExact(weights, bias ? filters : 0), 0, weights);
    }

    /** (C, H, W) to (C), no parameters; {@code description} e.g. {@code "global average pooling"}. */
    default LayerShape globalPool(LayerSpec layer, TensorShape in, String description) {
        return needsFeatureMap(layer, in, description) ? LayerShape.of(TensorShape.of(in.dim(0))) : null;
    }
}
