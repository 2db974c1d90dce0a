package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** The same model with @Flatten: compiled in the same build, it still gets its Net. */
@Model(input = {1, 8, 8})
public class Possible {
    @Conv(filters = 4) @ReLU Layer conv1;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
