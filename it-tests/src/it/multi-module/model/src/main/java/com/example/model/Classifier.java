package com.example.model;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** A small classifier of 3-channel 16x16 images into 5 classes. */
@Model(input = {3, 16, 16})
public class Classifier {
    @Conv(filters = 8, stride = 2, bias = false) @BatchNorm @ReLU Layer conv1;
    @GlobalAvgPool Layer gap;
    @Dense(units = 5) Layer logits;
}
