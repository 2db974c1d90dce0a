package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/**
 * A field whose type is another {@code @Model} class: that model inlined as a named sub-block,
 * optionally as a residual ({@code @Residual}): output = input + block(input). It has no binding:
 * the field's type makes it, not an annotation ({@code @Residual} only marks it).
 *
 * @param model the inlined model
 * @param residual whether the field carries {@code @Residual}
 * @param projection {@code @Residual(projection = true)}: 1x1 conv + batch norm on the skip path
 */
public record SubModelSpec(String name, Origin origin, ModelSpec model, boolean residual,
                           boolean projection) implements LayerSpec {
    @Override
    public String kind() {
        return residual ? "Residual(" + model.simpleName() + ")" : model.simpleName();
    }

    @Override
    public LayerRole role() {
        return LayerRole.NONLINEAR; // lints see through it to its own layers
    }

    @Override
    public void checkAttributes(RangeCheck check) {
        // @Residual(projection) is a boolean; the sub-model is validated as a model of its own
    }

}
