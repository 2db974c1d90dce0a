package dev.lamina.examples.models.cifar100;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.DropoutBetweenConvs10Features;

/**
 * Experiment model for 32x32x3 images (CIFAR-100): the shared backbone with element-wise dropout
 * at rate 0.1 after every conv activation, the placement the seed articles say hurts. Its layers
 * are {@link DropoutBetweenConvs10Features}, shared with the 28x28x1 and CIFAR-10 models of the
 * same name.
 */
@Model(input = {3, 32, 32})
public class DropoutBetweenConvs10 {
    DropoutBetweenConvs10Features features;
    @Dense(units = 100) Layer logits;
}
