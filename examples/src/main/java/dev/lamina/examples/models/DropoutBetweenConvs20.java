package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.DropoutBetweenConvs20Features;

/**
 * Experiment model for 28x28x1 images (Fashion-MNIST, MNIST): the shared backbone with
 * element-wise dropout at rate 0.2 after every conv activation, the placement the seed articles
 * say hurts. Its layers are {@link DropoutBetweenConvs20Features}, shared with the CIFAR models of
 * the same name.
 */
@Model(input = {1, 28, 28})
public class DropoutBetweenConvs20 {
    DropoutBetweenConvs20Features features;
    @Dense(units = 10) Layer logits;
}
