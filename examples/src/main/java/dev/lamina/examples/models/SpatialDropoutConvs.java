package dev.lamina.examples.models;

import dev.lamina.Dense;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.examples.models.features.SpatialDropoutConvsFeatures;

/**
 * Experiment model for 28x28x1 images (Fashion-MNIST, MNIST): the shared backbone with
 * channel-wise (spatial) dropout at rate 0.1 after every conv activation, the same places as the
 * DropoutBetweenConvs family. Its layers are {@link SpatialDropoutConvsFeatures}, shared with the
 * CIFAR models of the same name.
 */
@Model(input = {1, 28, 28})
public class SpatialDropoutConvs {
    SpatialDropoutConvsFeatures features;
    @Dense(units = 10) Layer logits;
}
