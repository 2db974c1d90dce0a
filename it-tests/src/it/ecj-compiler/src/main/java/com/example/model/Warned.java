package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.Softmax;

/** Three placement findings of different rules, on three lines. */
@Model(input = {1, 8, 8})
public class Warned {
    @Dropout(rate = 0.5) Layer inputDrop;
    @Conv(filters = 4) @ReLU Layer conv1;
    @Dropout(rate = 0.25) Layer drop1;
    @Conv(filters = 4) @ReLU Layer conv2;
    @MaxPool(2) Layer pool;
    @Flatten Layer flat;
    @Dense(units = 10) @Softmax Layer logits;
}
