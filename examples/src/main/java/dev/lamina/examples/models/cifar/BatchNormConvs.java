package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.cifarfeatures.BatchNormConvsFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR): the shared backbone with batch norm between each
 * conv and its ReLU (conv bias off: batch norm's shift replaces it), no dropout. Its layers are
 * {@link BatchNormConvsFeatures}, shared with the CIFAR-100 model of the same name.
 */
@Model(input = {3, 32, 32})
public class BatchNormConvs {
    BatchNormConvsFeatures features;
    @Dense(units = 10) Layer logits;
}
