package dev.lamina.examples.models;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.Padding;
import dev.lamina.ReLU;
import dev.lamina.Softmax;

/**
 * Seed article 001's first MNIST model, the classic Keras {@code mnist_cnn} layer for layer,
 * with the {@code Flatten} the article left out added back (without it the processor rejects the
 * model: {@code @Dense} is fed a (C, H, W) tensor; see docs/experiment.md).
 *
 * <p>Two lints are suppressed on purpose, because this class documents the article, not a
 * recommendation: the trailing {@code @Softmax} is kept although Lamina trains with softmax
 * cross-entropy on logits, so softmax is applied twice (DoubleSoftmax); and the element-wise
 * dropout on the pooled feature map is the article's (DropoutOnFeatureMaps).
 * {@link Seed001MnistCnnBn} is the version without either.
 */
@SuppressWarnings({"lamina:DoubleSoftmax", "lamina:DropoutOnFeatureMaps"}) // see above
@Model(input = {1, 28, 28})
public class Seed001MnistCnn {
    @Conv(filters = 32, kernel = 3, padding = Padding.VALID) @ReLU Layer conv1;
    @Conv(filters = 64, kernel = 3, padding = Padding.VALID) @ReLU Layer conv2;
    @MaxPool(2)                                                    Layer pool1;
    @Dropout(rate = 0.25)                                          Layer drop1;
    @Flatten                                                       Layer flatten;
    @Dense(units = 128) @ReLU                                      Layer fc1;
    @Dropout(rate = 0.5)                                           Layer drop2;
    @Dense(units = 10) @Softmax                                    Layer output;
}
