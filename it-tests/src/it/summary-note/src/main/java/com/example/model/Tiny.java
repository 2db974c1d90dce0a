package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** A small model without any lint finding. */
@Model(input = {1, 8, 8})
public class Tiny {
    @Conv(filters = 4) @ReLU Layer conv1;
    @MaxPool(2) Layer pool1;
    @Conv(filters = 8) @ReLU Layer conv2;
    @GlobalAvgPool Layer gap;
    @Dense(units = 10) Layer logits;
}
