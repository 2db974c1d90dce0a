package dev.lamina.examples.compat;

import dev.lamina.AvgPool;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.Model;

/**
 * The model of the run directory and saved model kept in {@code src/test/resources/compat/}: small
 * enough (500 parameters) that the committed files stay a few KB.
 */
@Model(input = {1, 28, 28})
public class CompatTiny {
    @AvgPool(4) Layer pool;
    @Flatten Layer flat;
    @Dense(units = 10) Layer logits;
}
