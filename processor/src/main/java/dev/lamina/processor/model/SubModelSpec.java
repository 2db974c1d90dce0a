package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/**
 * A field whose type is another {@code @Model} class: that model inlined as a named sub-block,
 * optionally as a residual ({@code @Residual}): output = input + block(input).
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
}
