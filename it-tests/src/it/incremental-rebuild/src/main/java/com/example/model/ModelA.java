package com.example.model;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** A small vector model; the second build edits ModelA only. */
@Model(input = {20})
public class ModelA {
    @Dense(units = 16) @ReLU Layer hidden;
    @Dense(units = 3) Layer logits;
}
