package dev.lamina.examples.crosscheck;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Cross-check sub-model that keeps its input shape (identity skip path). */
@Model(input = {8, 9, 9})
class CcBlock {
    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer a;
    @Conv(filters = 8, bias = false) @BatchNorm Layer b;
}
