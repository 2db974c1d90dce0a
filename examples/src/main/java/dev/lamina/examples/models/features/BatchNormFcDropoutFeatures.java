package dev.lamina.examples.models.features;

import dev.lamina.Dropout;
import dev.lamina.Layer;
import dev.lamina.Model;

/**
 * The layers of the experiment model BatchNormFcDropout but its logits: {@link
 * BatchNormConvsFeatures} (batch norm between each conv and its ReLU) followed by dropout 0.5,
 * which falls between the two dense layers, the seed articles' recommendation. It declares no
 * input, so it takes the shape of each model that uses it: {@code models.BatchNormFcDropout}
 * (1x28x28, 10 classes), {@code models.cifar.BatchNormFcDropout} (3x32x32, 10 classes) and {@code
 * models.cifar100.BatchNormFcDropout} (3x32x32, 100 classes) each add their logits to it.
 */
@Model
public class BatchNormFcDropoutFeatures {
    BatchNormConvsFeatures convs;
    @Dropout(rate = 0.5) Layer drop1;
}
