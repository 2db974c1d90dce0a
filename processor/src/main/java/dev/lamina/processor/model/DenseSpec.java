package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/** {@code @Dense}: fully connected layer on a vector. */
public record DenseSpec(String name, Origin origin, int units, boolean bias) implements LayerSpec {

    static final List<LayerBinding> BINDINGS = List.of(new LayerBinding("Dense", (origin, a, names, out) -> {
        out.add(new DenseSpec(names.next("dense"), origin, a.integer("units"), a.bool("bias")));
        ActivationSpec.readAttribute(origin, a, names, out);
    }));

    @Override
    public String kind() {
        return "Dense";
    }

    @Override
    public LayerRole role() {
        return LayerRole.WEIGHTED;
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        check.atLeastOne("units", units, "there must be at least one output");
    }

    @Override
    public <R, P> R accept(Visitor<R, P> visitor, P parameter) {
        return visitor.visitDense(this, parameter);
    }
}
