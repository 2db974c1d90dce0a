package dev.lamina.examples.models.cifarfeatures;

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
 * The layers of a CIFAR experiment model, the seed articles' recommendation: batch norm between
 * each conv and its ReLU, and dropout 0.5 only between the two dense layers. Everything but the
 * classifier: {@code models.cifar.BatchNormFcDropout} and {@code
 * models.cifar100.BatchNormFcDropout} add their 10 or 100 logits to it.
 */
@Model(input = {3, 32, 32})
public class BatchNormFcDropoutFeatures {
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv1;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv2;
    @MaxPool(2)                                         Layer pool1;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv3;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv4;
    @MaxPool(2)                                         Layer pool2;
    @Flatten                                            Layer flatten;
    @Dense(units = 128) @ReLU                           Layer fc1;
    @Dropout(rate = 0.5)                                Layer drop1;
}
