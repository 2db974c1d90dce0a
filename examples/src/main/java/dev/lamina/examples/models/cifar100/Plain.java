package dev.lamina.examples.models.cifar100;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.cifarfeatures.PlainFeatures;

/**
 * Experiment baseline for 32x32x3 images (CIFAR-100): the shared backbone with no dropout and no
 * batch norm. Its layers are {@link PlainFeatures}, shared with the CIFAR-10 model of the same
 * name.
 */
@Model(input = {3, 32, 32})
public class Plain {
    PlainFeatures features;
    @Dense(units = 100) Layer logits;
}
