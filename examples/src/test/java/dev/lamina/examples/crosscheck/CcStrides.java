package dev.lamina.examples.crosscheck;

import dev.lamina.Act;
import dev.lamina.AvgPool;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.LeakyReLU;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.Padding;
import dev.lamina.SpatialDropout;

/** Cross-check model: odd sizes, strided SAME conv, SAME pool in ceil mode, global average pool. */
@Model(input = {3, 17, 17})
class CcStrides {
    @Conv(filters = 6, stride = 2) @LeakyReLU(alpha = 0.1) Layer conv1;
    @MaxPool(value = 2, padding = Padding.SAME) Layer pool1;
    @AvgPool(value = 3, stride = 2) Layer pool2;
    @SpatialDropout(rate = 0.2) Layer sdrop;
    @GlobalAvgPool Layer gap;
    @Dense(units = 5, activation = Act.SOFTMAX) Layer probs;
}
