package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.BatchNormFcDropoutFeatures;

/**
 * Experiment model for 28x28x1 images (Fashion-MNIST, MNIST), the seed articles' recommendation:
 * batch norm between each conv and its ReLU, and dropout 0.5 only between the two dense layers.
 * Its layers are {@link BatchNormFcDropoutFeatures}, shared with the CIFAR models of the same
 * name.
 */
@Model(input = {1, 28, 28})
public class BatchNormFcDropout {
    BatchNormFcDropoutFeatures features;
    @Dense(units = 10) Layer logits;
}
