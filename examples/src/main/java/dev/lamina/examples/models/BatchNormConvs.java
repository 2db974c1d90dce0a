package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.BatchNormConvsFeatures;

/**
 * Experiment model for 28x28x1 images (Fashion-MNIST, MNIST): the shared backbone with batch norm
 * between each conv and its ReLU (conv bias off: batch norm's shift replaces it), no dropout. Its
 * layers are {@link BatchNormConvsFeatures}, shared with the CIFAR models of the same name.
 */
@Model(input = {1, 28, 28})
public class BatchNormConvs {
    BatchNormConvsFeatures features;
    @Dense(units = 10) Layer logits;
}
