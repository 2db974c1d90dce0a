package dev.lamina.examples.crosscheck;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.GELU;
import dev.lamina.Layer;
import dev.lamina.LayerNorm;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * Cross-check model: {@code @LayerNorm} on feature maps (over the whole (C, H, W)) and on a vector,
 * with its defaults, another epsilon, no trained shift and no trained scale.
 */
@Model(input = {2, 9, 9})
class CcLayerNorm {
    @Conv(filters = 6, bias = false) @LayerNorm @ReLU Layer conv;
    @Conv(filters = 4, stride = 2) @LayerNorm(epsilon = 1e-3, center = false) Layer down;
    @Flatten Layer flat;
    @Dense(units = 16) @LayerNorm(scale = false) @GELU Layer fc;
    @Dense(units = 5) Layer logits;
}
