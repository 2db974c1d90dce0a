package dev.lamina.examples.models.cifar100;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.PlainFeatures;

/**
 * Experiment baseline for 32x32x3 images (CIFAR-100): the shared backbone with no dropout and no
 * batch norm. Its layers are {@link PlainFeatures}, shared with the 28x28x1 and CIFAR-10 models of
 * the same name.
 */
@Model(input = {3, 32, 32})
public class Plain {
    PlainFeatures features;
    @Dense(units = 100) Layer logits;
}
