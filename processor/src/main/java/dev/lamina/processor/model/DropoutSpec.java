package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/**
 * {@code @Dropout} (element-wise, {@code spatial == false}) or {@code @SpatialDropout}
 * (whole channels, {@code spatial == true}).
 */
public record DropoutSpec(String name, Origin origin, double rate, boolean spatial)
        implements LayerSpec {
    @Override
    public String kind() {
        return spatial ? "SpatialDropout" : "Dropout";
    }
}
