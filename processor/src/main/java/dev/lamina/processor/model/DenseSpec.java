package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @Dense}: fully connected layer on a vector. */
public record DenseSpec(String name, Origin origin, int units, boolean bias) implements LayerSpec {
    @Override
    public String kind() {
        return "Dense";
    }
}
