package dev.lamina.examples.models.cifar100;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * Experiment model for 32x32x3 images (CIFAR-100), the seed articles' recommendation: batch norm
 * between each conv and
 * its ReLU, and dropout 0.5 only between the two dense layers.
 */
@Model(input = {3, 32, 32})
public class BatchNormFcDropout {
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv1;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv2;
    @MaxPool(2)                                         Layer pool1;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv3;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv4;
    @MaxPool(2)                                         Layer pool2;
    @Flatten                                            Layer flatten;
    @Dense(units = 128) @ReLU                           Layer fc1;
    @Dropout(rate = 0.5)                                Layer drop1;
    @Dense(units = 100)                                 Layer logits;
}
