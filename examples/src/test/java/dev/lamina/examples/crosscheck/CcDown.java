package dev.lamina.examples.crosscheck;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Cross-check sub-model that doubles the channels and halves H and W (projection skip path). */
@Model(input = {8, 9, 9})
class CcDown {
    @Conv(filters = 16, stride = 2, bias = false) @BatchNorm @ReLU Layer a;
}
