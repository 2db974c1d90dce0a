package com.example.blocks;

import dev.lamina.*;

/** A hidden MLP block that ends in an activation and a dropout, as blocks do; declared one. */
@Model(input = {64}, role = Model.Role.BLOCK)
public class MlpBlock {
    @Dense(units = 64, bias = false) @BatchNorm @ReLU Layer fc;
    @Dropout(rate = 0.2)                              Layer drop;
}
