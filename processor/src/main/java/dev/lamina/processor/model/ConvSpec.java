package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;
import java.util.List;

/** {@code @Conv}: 2-D convolution with a square kernel. */
public record ConvSpec(String name, Origin origin, int filters, int kernel, int stride,
                       PaddingMode padding, int dilation, boolean bias) implements LayerKind {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("Conv", (origin, a, names, out) -> {
        out.add(new ConvSpec(names.next("conv"), origin, a.integer("filters"), a.integer("kernel"),
                a.integer("stride"), a.constant("padding", PaddingMode.class), a.integer("dilation"), a.bool("bias")));
        ActivationSpec.readAttribute(origin, a, names, out);
    }));

    @Override
    public String kind() {
        return "Conv";
    }

    @Override
    public LayerRole role() {
        return LayerRole.CONVOLUTION;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("filters", filters, "there must be at least one output channel");
        check.kernel(kernel, stride, dilation);
    }

    /** The window of its square kernel. */
    @Override
    public Window window() {
        return Window.convolution(kernel, stride, dilation, padding);
    }

    @Override
    public LayerShape shape(TensorShape in, ShapeChecks checks) {
        return checks.convolution(this, window(), in, "a 2-D convolution", filters, in.dim(0), bias);
    }

    @Override
    public long macs(TensorShape in, TensorShape out) {
        return LayerKind.product(out.size(), (long) kernel * kernel, in.dim(0));
    }

    @Override
    public BlockRecipe block(TensorShape in, TensorShape out) {
        return BlockRecipe.conv2d(window(), filters, 1, bias);
    }

    @Override
    public OnnxRecipe onnx(TensorShape in, TensorShape out) {
        return OnnxRecipe.conv(window(), 1, bias);
    }
}
