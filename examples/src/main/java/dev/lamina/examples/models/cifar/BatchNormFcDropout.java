package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.BatchNormFcDropoutFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR), the seed articles' recommendation: batch norm
 * between each conv and its ReLU, and dropout 0.5 only between the two dense layers. Its layers
 * are {@link BatchNormFcDropoutFeatures}, shared with the 28x28x1 and CIFAR-100 models of the same
 * name.
 */
@Model(input = {3, 32, 32})
public class BatchNormFcDropout {
    BatchNormFcDropoutFeatures features;
    @Dense(units = 10) Layer logits;
}
