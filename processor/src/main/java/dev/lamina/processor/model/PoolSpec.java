package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @MaxPool} or {@code @AvgPool}; {@code stride} is already resolved (never -1). */
public record PoolSpec(String name, Origin origin, PoolType type, int size, int stride,
                       PaddingMode padding) implements LayerSpec {
    @Override
    public String kind() {
        return type == PoolType.MAX ? "MaxPool" : "AvgPool";
    }
}
