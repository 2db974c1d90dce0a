package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;
import java.util.List;

/**
 * {@code @DepthwiseConv}: a 2-D convolution with a square kernel whose groups are the input
 * channels, {@code multiplier} output channels per input channel.
 */
public record DepthwiseConvSpec(String name, Origin origin, int kernel, int stride, PaddingMode padding,
                                int dilation, int multiplier, boolean bias) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("DepthwiseConv", (origin, a, names, out) -> {
        out.add(new DepthwiseConvSpec(names.next("dwconv"), origin, a.integer("kernel"), a.integer("stride"),
                a.constant("padding", PaddingMode.class), a.integer("dilation"), a.integer("multiplier"),
                a.bool("bias")));
        ActivationSpec.readAttribute(origin, a, names, out);
    }));

    @Override
    public String kind() {
        return "DepthwiseConv";
    }

    @Override
    public LayerRole role() {
        return LayerRole.CONVOLUTION;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.kernel(kernel, stride, dilation);
        check.atLeastOne("multiplier", multiplier, "each input channel must give at least one output channel");
    }

    /** The window of its square kernel. */
    @Override
    public Window window() {
        return Window.convolution(kernel, stride, dilation, padding);
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        // groups = C: each output channel reads one input channel
        return checks.convolution(this, window(), in, "a depthwise convolution",
                Math.multiplyExact(in.dim(0), multiplier), 1, bias);
    }

    @Override
    public long macs(TensorShape in, TensorShape out) {
        return LayerKind.product(out.size(), (long) kernel * kernel); // one input channel per filter
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.conv2d(window(), out.dim(0), in.dim(0), bias);
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.conv(window(), in.dim(0), bias);
    }
}
