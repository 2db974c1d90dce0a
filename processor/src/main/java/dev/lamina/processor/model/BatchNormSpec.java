package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @BatchNorm}: normalizes over channels (feature map) or features (vector). */
public record BatchNormSpec(String name, Origin origin, double momentum, double epsilon)
        implements LayerSpec {
    @Override
    public String kind() {
        return "BatchNorm";
    }
}
