package com.example.model;

import dev.lamina.Conv;
import dev.lamina.Dropout;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * A body: no input, so each model that uses it shapes it. Its dropout between convolutions is one
 * warning, on this file, whichever model uses it; Vectors feeds it a vector, an error here too.
 */
@Model
public class Body {
    @Conv(filters = 4) @ReLU Layer first;
    @Dropout(rate = 0.2) Layer drop;
    @Conv(filters = 4) @ReLU Layer second;
}
