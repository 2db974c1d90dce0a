package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.BatchNormConvsFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR): the shared backbone with batch norm between each
 * conv and its ReLU (conv bias off: batch norm's shift replaces it), no dropout. Its layers are
 * {@link BatchNormConvsFeatures}, shared with the 28x28x1 and CIFAR-100 models of the same name.
 */
@Model(input = {3, 32, 32})
public class BatchNormConvs {
    BatchNormConvsFeatures features;
    @Dense(units = 10) Layer logits;
}
