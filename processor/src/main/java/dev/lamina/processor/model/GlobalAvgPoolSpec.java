package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @GlobalAvgPool}: (C, H, W) to (C). */
public record GlobalAvgPoolSpec(String name, Origin origin) implements LayerSpec {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("GlobalAvgPool", (origin, a, names, out) ->
            out.add(new GlobalAvgPoolSpec(names.next("gap"), origin))));

    @Override
    public String kind() {
        return "GlobalAvgPool";
    }

    @Override
    public LayerRole role() {
        return LayerRole.AFFINE;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        // no attributes
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitGlobalAvgPool(this, parameter);
    }
}
