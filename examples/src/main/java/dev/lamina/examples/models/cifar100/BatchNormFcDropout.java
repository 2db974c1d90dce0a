package dev.lamina.examples.models.cifar100;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.BatchNormFcDropoutFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR-100), the seed articles' recommendation: batch norm
 * between each conv and its ReLU, and dropout 0.5 only between the two dense layers. Its layers
 * are {@link BatchNormFcDropoutFeatures}, shared with the 28x28x1 and CIFAR-10 models of the same
 * name.
 */
@Model(input = {3, 32, 32})
public class BatchNormFcDropout {
    BatchNormFcDropoutFeatures features;
    @Dense(units = 100) Layer logits;
}
