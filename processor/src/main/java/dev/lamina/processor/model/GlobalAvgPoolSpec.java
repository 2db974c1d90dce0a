package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @GlobalAvgPool}: (C, H, W) to (C). */
public record GlobalAvgPoolSpec(String name, Origin origin) implements LayerSpec {
    @Override
    public String kind() {
        return "GlobalAvgPool";
    }
}
