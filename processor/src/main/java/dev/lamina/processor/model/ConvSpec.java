package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @Conv}: 2-D convolution with a square kernel. */
public record ConvSpec(String name, Origin origin, int filters, int kernel, int stride,
                       PaddingMode padding, int dilation, boolean bias) implements LayerSpec {

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
        return LayerRole.WEIGHTED;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("filters", filters, "there must be at least one output channel");
        check.kernel(kernel, stride, dilation);
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitConv(this, parameter);
    }
}
