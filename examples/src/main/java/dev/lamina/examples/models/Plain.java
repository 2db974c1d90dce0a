package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.PlainFeatures;

/**
 * Experiment baseline for 28x28x1 images: the shared backbone with no dropout and no batch norm.
 * Its layers are {@link PlainFeatures}, shared with the CIFAR models of the same name.
 */
@Model(input = {1, 28, 28})
public class Plain {
    PlainFeatures features;
    @Dense(units = 10) Layer logits;
}
