package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @GlobalMaxPool}: (C, H, W) to (C), the largest value of each channel. */
public record GlobalMaxPoolSpec(String name, Origin origin) implements LayerSpec {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("GlobalMaxPool", (origin, a, names, out) ->
            out.add(new GlobalMaxPoolSpec(names.next("gmp"), origin))));

    @Override
    public String kind() {
        return "GlobalMaxPool";
    }

    @Override
    public LayerRole role() {
        return LayerRole.NONLINEAR; // a maximum, like @MaxPool
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        // no attributes
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitGlobalMaxPool(this, parameter);
    }
}
