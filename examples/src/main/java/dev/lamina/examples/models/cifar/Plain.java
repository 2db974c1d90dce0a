package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.PlainFeatures;

/**
 * Experiment baseline for 32x32x3 images (CIFAR): the shared backbone with no dropout and no batch
 * norm. Its layers are {@link PlainFeatures}, shared with the 28x28x1 and CIFAR-100 models of the
 * same name.
 */
@Model(input = {3, 32, 32})
public class Plain {
    PlainFeatures features;
    @Dense(units = 10) Layer logits;
}
