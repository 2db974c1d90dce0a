package dev.lamina.examples.crosscheck;

import dev.lamina.Act;
import dev.lamina.AvgPool;
import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.GELU;
import dev.lamina.Layer;
import dev.lamina.LeakyReLU;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.Padding;
import dev.lamina.Sigmoid;
import dev.lamina.Softmax;
import dev.lamina.SpatialDropout;
import dev.lamina.Tanh;

/**
 * Cross-check model: the kinds and attribute values the other models leave out (leaky slopes,
 * GELU, tanh, sigmoid, a softmax layer, a padded average pool, a max pool in ceil mode, a dilated
 * convolution, a dense layer without bias, batch norm on a vector, both dropouts).
 */
@Model(input = {3, 15, 15})
class CcKinds {
    @Conv(filters = 6, kernel = 5, activation = Act.LEAKY_RELU) Layer stem;
    @LeakyReLU(alpha = 0.2) Layer leaky;
    @AvgPool(value = 3, stride = 1, padding = Padding.SAME) Layer avg;
    @Conv(filters = 8, stride = 2, dilation = 2) @GELU Layer down;
    @SpatialDropout(rate = 0.2) Layer drop2d;
    @MaxPool(value = 2, padding = Padding.SAME) Layer pool;
    @Tanh Layer tanh;
    @Flatten Layer flat;
    @Dense(units = 12, bias = false) @BatchNorm(epsilon = 1e-3) @Sigmoid Layer fc;
    @Dense(units = 7) @Softmax Layer mixture;
    @Dropout(rate = 0.3) Layer drop;
    @Dense(units = 5) Layer logits;
}
