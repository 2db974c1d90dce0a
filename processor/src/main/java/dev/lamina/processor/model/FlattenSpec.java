package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @Flatten}: (C, H, W) to (C * H * W). */
public record FlattenSpec(String name, Origin origin) implements LayerSpec {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("Flatten", (origin, a, names, out) ->
            out.add(new FlattenSpec(names.next("flatten"), origin))));

    @Override
    public String kind() {
        return "Flatten";
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
        return visitor.visitFlatten(this, parameter);
    }
}
