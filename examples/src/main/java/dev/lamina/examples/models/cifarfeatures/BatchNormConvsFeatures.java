package dev.lamina.examples.models.cifarfeatures;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The layers of a CIFAR experiment model: the shared backbone with batch norm between each conv and
 * its ReLU (conv bias off: batch norm's shift replaces it), no dropout. Everything but the
 * classifier: {@code models.cifar.BatchNormConvs} and {@code models.cifar100.BatchNormConvs} add
 * their 10 or 100 logits to it.
 */
@Model(input = {3, 32, 32})
public class BatchNormConvsFeatures {
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv1;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv2;
    @MaxPool(2)                                         Layer pool1;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv3;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv4;
    @MaxPool(2)                                         Layer pool2;
    @Flatten                                            Layer flatten;
    @Dense(units = 128) @ReLU                           Layer fc1;
}
