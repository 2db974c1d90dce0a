package com.example.model;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.SpatialDropout;

/** Most layer kinds, and no lint finding: its Net must compile under -Xlint:all -Werror. */
@Model(input = {1, 12, 12})
public class Deterministic {
    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;
    @MaxPool(2) Layer pool1;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv2;
    @SpatialDropout(rate = 0.1) Layer sdrop;
    @GlobalAvgPool Layer gap;
    @Dense(units = 16) @ReLU Layer fc1;
    @Dropout(rate = 0.5) Layer drop1;
    @Dense(units = 10) Layer logits;
}
