package dev.lamina.examples.crosscheck;

import dev.lamina.Act;
import dev.lamina.BatchNorm;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.Sigmoid;
import dev.lamina.Tanh;

/** Cross-check model on vectors: dense, batch norm over features, dropout, activations. */
@Model(input = {20})
class CcMlp {
    @Dense(units = 32, activation = Act.LEAKY_RELU) @BatchNorm Layer fc1;
    @Dropout Layer drop;
    @Dense(units = 16, bias = false) @Tanh Layer fc2;
    @Dense(units = 4) @Sigmoid Layer out;
}
