package dev.lamina.examples.models;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The Fashion-MNIST CNN of the DSL guide (docs/dsl.md): conv with batch norm before each ReLU,
 * global average pooling, and dropout only between the dense layers. Its conv biases earn
 * {@code RedundantBias} notes and it stays near 0.86 after 2 epochs; the CLI's default model is
 * {@link FashionClassifier}.
 */
@Model(input = {1, 28, 28})
public class FashionCnn {
    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv1;
    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv2;
    @MaxPool(2)                                        Layer pool1;
    @Conv(filters = 64, kernel = 3) @BatchNorm @ReLU   Layer conv3;
    @GlobalAvgPool                                     Layer gap;
    @Dense(units = 128) @ReLU                          Layer fc1;
    @Dropout(rate = 0.5)                               Layer drop1;
    @Dense(units = 10)                                 Layer logits;
}
