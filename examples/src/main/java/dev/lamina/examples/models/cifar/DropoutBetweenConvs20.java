package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.DropoutBetweenConvs20Features;

/**
 * Experiment model for 32x32x3 images (CIFAR): the shared backbone with element-wise dropout at
 * rate 0.2 after every conv activation, the placement the seed articles say hurts. Its layers are
 * {@link DropoutBetweenConvs20Features}, shared with the 28x28x1 and CIFAR-100 models of the same
 * name.
 */
@Model(input = {3, 32, 32})
public class DropoutBetweenConvs20 {
    DropoutBetweenConvs20Features features;
    @Dense(units = 10) Layer logits;
}
