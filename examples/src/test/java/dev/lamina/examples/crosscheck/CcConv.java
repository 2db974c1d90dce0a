package dev.lamina.examples.crosscheck;

import dev.lamina.Act;
import dev.lamina.AvgPool;
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

/** Cross-check model: SAME/VALID convs, stride, dilation, pools, flatten, dense, vector batch norm. */
@Model(input = {1, 28, 28})
class CcConv {
    @Conv(filters = 8) @BatchNorm @ReLU Layer conv1;
    @Conv(filters = 8, kernel = 5, stride = 2, padding = Padding.VALID) Layer conv2;
    @Conv(filters = 4, dilation = 2, padding = Padding.VALID, bias = false, activation = Act.GELU) Layer conv3;
    @MaxPool(2) Layer pool1;
    @AvgPool(value = 3, stride = 1, padding = Padding.SAME) Layer pool2;
    @Flatten Layer flat;
    @Dense(units = 16) @BatchNorm @ReLU Layer fc1;
    @Dropout(rate = 0.3) Layer drop;
    @Dense(units = 10) Layer logits;
}
