package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @Flatten}: (C, H, W) to (C * H * W). */
public record FlattenSpec(String name, Origin origin) implements LayerSpec {
    @Override
    public String kind() {
        return "Flatten";
    }
}
