package dev.lamina.examples.crosscheck;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalMaxPool;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Cross-check model: {@code @GlobalMaxPool} on an odd-sized feature map, then a dense head. */
@Model(input = {3, 13, 11})
class CcGlobalMax {
    @Conv(filters = 6, stride = 2, bias = false) @BatchNorm @ReLU Layer conv;
    @GlobalMaxPool Layer gmp;
    @Dense(units = 5) Layer logits;
}
