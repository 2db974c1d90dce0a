package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Dense after a convolution, no flatten: an error, on the same line for javac and ecj. */
@Model(input = {1, 8, 8})
public class Impossible {
    @Conv(filters = 4) @ReLU Layer conv1;
    @Dense(units = 10) Layer logits;
}
