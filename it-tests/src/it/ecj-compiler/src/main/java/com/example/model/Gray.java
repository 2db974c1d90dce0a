package com.example.model;

import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.Model;

/** Uses Body with 1x8x8 images: valid, so it gets a Net with Body's layers built inside. */
@Model(input = {1, 8, 8})
public class Gray {
    Body body;
    @GlobalAvgPool Layer gap;
    @Dense(units = 10) Layer logits;
}
