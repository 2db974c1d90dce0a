package dev.lamina.examples.models.cifar;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.SpatialDropoutConvsFeatures;

/**
 * Experiment model for 32x32x3 images (CIFAR): the shared backbone with channel-wise (spatial)
 * dropout at rate 0.1 after every conv activation, the same places as the DropoutBetweenConvs
 * family. Its layers are {@link SpatialDropoutConvsFeatures}, shared with the 28x28x1 and
 * CIFAR-100 models of the same name.
 */
@Model(input = {3, 32, 32})
public class SpatialDropoutConvs {
    SpatialDropoutConvsFeatures features;
    @Dense(units = 10) Layer logits;
}
