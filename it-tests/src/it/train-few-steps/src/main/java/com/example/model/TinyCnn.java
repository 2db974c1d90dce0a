package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** A tiny CNN for 8x8 one-channel images and 10 classes. */
@Model(input = {1, 8, 8})
public class TinyCnn {
    @Conv(filters = 4) @ReLU Layer conv1;
    @MaxPool(2) Layer pool1;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
