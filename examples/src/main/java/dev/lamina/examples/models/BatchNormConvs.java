package dev.lamina.examples.models;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * Experiment model for 28x28x1 images: the shared backbone with batch norm between each conv and
 * its ReLU
 * (conv bias off: batch norm's shift replaces it), no dropout.
 */
@Model(input = {1, 28, 28})
public class BatchNormConvs {
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv1;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU  Layer conv2;
    @MaxPool(2)                                         Layer pool1;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv3;
    @Conv(filters = 32, bias = false) @BatchNorm @ReLU  Layer conv4;
    @MaxPool(2)                                         Layer pool2;
    @Flatten                                            Layer flatten;
    @Dense(units = 128) @ReLU                           Layer fc1;
    @Dense(units = 10)                                  Layer logits;
}
