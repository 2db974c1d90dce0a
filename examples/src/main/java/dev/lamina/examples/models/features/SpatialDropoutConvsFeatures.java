package dev.lamina.examples.models.features;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.SpatialDropout;

/**
 * The layers of the experiment model SpatialDropoutConvs but its logits: the shared backbone with
 * channel-wise (spatial) dropout at rate 0.1 after every conv activation, the same places as the
 * DropoutBetweenConvs family. It declares no input, so it takes the shape of each model that uses
 * it: {@code models.SpatialDropoutConvs} (1x28x28, 10 classes), {@code
 * models.cifar.SpatialDropoutConvs} (3x32x32, 10 classes) and {@code
 * models.cifar100.SpatialDropoutConvs} (3x32x32, 100 classes) each add their logits to it.
 */
@Model
public class SpatialDropoutConvsFeatures {
    @Conv(filters = 16) @ReLU   Layer conv1;
    @SpatialDropout(rate = 0.1) Layer drop1;
    @Conv(filters = 16) @ReLU   Layer conv2;
    @SpatialDropout(rate = 0.1) Layer drop2;
    @MaxPool(2)                 Layer pool1;
    @Conv(filters = 32) @ReLU   Layer conv3;
    @SpatialDropout(rate = 0.1) Layer drop3;
    @Conv(filters = 32) @ReLU   Layer conv4;
    @SpatialDropout(rate = 0.1) Layer drop4;
    @MaxPool(2)                 Layer pool2;
    @Flatten                    Layer flatten;
    @Dense(units = 128) @ReLU   Layer fc1;
}
