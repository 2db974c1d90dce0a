package dev.lamina.examples.models.cifarfeatures;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.SpatialDropout;

/**
 * The layers of a CIFAR experiment model: the shared backbone with channel-wise (spatial) dropout
 * at rate 0.1 after every conv activation, the same places as the DropoutBetweenConvs family.
 * Everything but the classifier: {@code models.cifar.SpatialDropoutConvs} and {@code
 * models.cifar100.SpatialDropoutConvs} add their 10 or 100 logits to it.
 */
@Model(input = {3, 32, 32})
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
