package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @MaxPool} or {@code @AvgPool}; {@code stride} is already resolved (never -1). */
public record PoolSpec(String name, Origin origin, PoolType type, int size, int stride,
                       PaddingMode padding) implements LayerSpec {

    static final List<LayerBinding> BINDINGS = List.of(
            new LayerBinding("MaxPool", (origin, a, names, out) -> out.add(read(PoolType.MAX, "maxpool", origin, a, names))),
            new LayerBinding("AvgPool", (origin, a, names, out) -> out.add(read(PoolType.AVG, "avgpool", origin, a, names))));

    private static PoolSpec read(PoolType type, String suffix, Origin origin, Attributes a, Names names) {
        int size = a.integer("value");
        int stride = a.integer("stride");
        return new PoolSpec(names.next(suffix), origin, type, size, stride == -1 ? size : stride,
                a.constant("padding", PaddingMode.class));
    }

    @Override
    public String kind() {
        return type == PoolType.MAX ? "MaxPool" : "AvgPool";
    }

    @Override
    public LayerRole role() {
        return type == PoolType.AVG ? LayerRole.AFFINE : LayerRole.NONLINEAR;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("value", size, "the window must cover at least one pixel");
        if (size >= 1 || stride != size) { // else: stride -1 resolved to the bad size
            check.atLeastOne("stride", stride, "the window must move forward (-1 means the window size)");
        }
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitPool(this, parameter);
    }
}
