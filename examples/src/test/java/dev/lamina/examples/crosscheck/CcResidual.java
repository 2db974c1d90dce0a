package dev.lamina.examples.crosscheck;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.Residual;

/** Cross-check model: plain sub-model, identity residual and projection residual. */
@Model(input = {4, 9, 9})
class CcResidual {
    @Conv(filters = 8) Layer stem;
    CcBlock plain;
    @Residual @ReLU CcBlock res1;
    @Residual(projection = true) CcDown res2;
    @GlobalAvgPool Layer gap;
    @Dense(units = 3) Layer logits;
}
