package dev.lamina.examples.models.cifar100;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.cifarfeatures.BatchNormConvsFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR-100): the shared backbone with batch norm between each
 * conv and its ReLU (conv bias off: batch norm's shift replaces it), no dropout. Its layers are
 * {@link BatchNormConvsFeatures}, shared with the CIFAR-10 model of the same name.
 */
@Model(input = {3, 32, 32})
public class BatchNormConvs {
    BatchNormConvsFeatures features;
    @Dense(units = 100) Layer logits;
}
