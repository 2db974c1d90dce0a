package dev.lamina.examples.models;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.Padding;
import dev.lamina.ReLU;

/**
 * Seed article 001's second MNIST model, RECONSTRUCTED: the article's text is not available to
 * this project, so this is {@link Seed001MnistCnn} rewritten the way the article recommends
 * (batch norm between each conv and its ReLU, no dropout after the conv stack, dropout 0.5 only
 * between the dense layers, logits out), not a verbatim copy. docs/experiment.md says the same.
 */
@Model(input = {1, 28, 28})
public class Seed001MnistCnnBn {
    @Conv(filters = 32, kernel = 3, padding = Padding.VALID, bias = false) @BatchNorm @ReLU
    Layer conv1;
    @Conv(filters = 64, kernel = 3, padding = Padding.VALID, bias = false) @BatchNorm @ReLU
    Layer conv2;
    @MaxPool(2)                 Layer pool1;
    @Flatten                    Layer flatten;
    @Dense(units = 128) @ReLU   Layer fc1;
    @Dropout(rate = 0.5)        Layer drop1;
    @Dense(units = 10)          Layer logits;
}
