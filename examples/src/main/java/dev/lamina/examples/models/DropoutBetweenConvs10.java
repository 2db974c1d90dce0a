package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.DropoutBetweenConvs10Features;

/**
 * Experiment model for 28x28x1 images (Fashion-MNIST, MNIST): the shared backbone with
 * element-wise dropout at rate 0.1 after every conv activation, the placement the seed articles
 * say hurts. Its layers are {@link DropoutBetweenConvs10Features}, shared with the CIFAR models of
 * the same name.
 */
@Model(input = {1, 28, 28})
public class DropoutBetweenConvs10 {
    DropoutBetweenConvs10Features features;
    @Dense(units = 10) Layer logits;
}
