package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Lamina's finding suppressed on the field: ecj does not know the "lamina:" token. */
@Model(input = {1, 8, 8})
public class Suppressed {
    @Conv(filters = 4) @ReLU Layer conv1;
    @SuppressWarnings("lamina:DropoutBetweenConvs")
    @Dropout(rate = 0.25) Layer drop1;
    @Conv(filters = 4) @ReLU Layer conv2;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
