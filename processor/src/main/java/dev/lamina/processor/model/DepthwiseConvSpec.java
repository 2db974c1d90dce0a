package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/**
 * {@code @DepthwiseConv}: a 2-D convolution with a square kernel whose groups are the input
 * channels, {@code multiplier} output channels per input channel.
 */
public record DepthwiseConvSpec(String name, Origin origin, int kernel, int stride, PaddingMode padding,
                                int dilation, int multiplier, boolean bias) implements LayerSpec {

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
        return LayerRole.WEIGHTED;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.kernel(kernel, stride, dilation);
        check.atLeastOne("multiplier", multiplier, "each input channel must give at least one output channel");
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitDepthwiseConv(this, parameter);
    }
}
