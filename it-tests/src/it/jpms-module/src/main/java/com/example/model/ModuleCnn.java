package com.example.model;

import dev.lamina.*;

/** A small CNN declared in a named module. */
@Model(input = {1, 28, 28})
public class ModuleCnn {
    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;
    @MaxPool Layer pool1;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
