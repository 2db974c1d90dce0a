package dev.lamina.processor.model;

/** {@code @GlobalAvgPool}: (C, H, W) to (C). */
public record GlobalAvgPoolSpec(String name, Origin origin) implements LayerSpec {
    @Override
    public String kind() {
        return "GlobalAvgPool";
    }
}
