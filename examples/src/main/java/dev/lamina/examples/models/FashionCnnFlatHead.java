package dev.lamina.examples.models;

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
 * {@link FashionCnn} with a flatten head instead of global average pooling: a second 2x2 max pool
 * and {@code @Flatten} give the dense layer the 7x7 layout of the 64 feature maps, not only their
 * averages. A candidate for the DSL guide's example where 2 epochs must reach 0.88 (docs/performance.md).
 */
@Model(input = {1, 28, 28})
public class FashionCnnFlatHead {
    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv1;
    @Conv(filters = 32, kernel = 3) @BatchNorm @ReLU   Layer conv2;
    @MaxPool(2)                                        Layer pool1;
    @Conv(filters = 64, kernel = 3) @BatchNorm @ReLU   Layer conv3;
    @MaxPool(2)                                        Layer pool2;
    @Flatten                                           Layer flat;
    @Dense(units = 128) @ReLU                          Layer fc1;
    @Dropout(rate = 0.5)                               Layer drop1;
    @Dense(units = 10)                                 Layer logits;
}
