package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Element-wise dropout between two convolutions: exactly one lint, DropoutBetweenConvs. */
@Model(input = {1, 8, 8})
public class ConvDropout {
    @Conv(filters = 4) @ReLU Layer conv1;
    @Dropout(rate = 0.25) Layer drop1;
    @Conv(filters = 4) @ReLU Layer conv2;
    @MaxPool(2) Layer pool;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
