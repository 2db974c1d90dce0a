package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.cifarfeatures.PlainFeatures;

/**
 * Experiment baseline for 32x32x3 images (CIFAR): the shared backbone with no dropout and no batch
 * norm. Its layers are {@link PlainFeatures}, shared with the CIFAR-100 model of the same name.
 */
@Model(input = {3, 32, 32})
public class Plain {
    PlainFeatures features;
    @Dense(units = 10) Layer logits;
}
