package dev.lamina.examples.models.features;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The layers of the experiment model DropoutBetweenConvs40 but its logits: the shared backbone
 * with element-wise dropout at rate 0.4 after every conv activation, the placement the seed
 * articles say hurts. It declares no input, so it takes the shape of each model that uses it:
 * {@code models.DropoutBetweenConvs40} (1x28x28, 10 classes), {@code
 * models.cifar.DropoutBetweenConvs40} (3x32x32, 10 classes) and {@code
 * models.cifar100.DropoutBetweenConvs40} (3x32x32, 100 classes) each add their logits to it.
 */
// The experiment measures exactly the placement these lints warn about (element-wise dropout on
// conv feature maps), so the warnings are expected here and suppressed to keep the examples'
// build warning-free.
@SuppressWarnings({"lamina:DropoutBetweenConvs", "lamina:DropoutOnFeatureMaps"})
@Model
public class DropoutBetweenConvs40Features {
    @Conv(filters = 16) @ReLU   Layer conv1;
    @Dropout(rate = 0.4)        Layer drop1;
    @Conv(filters = 16) @ReLU   Layer conv2;
    @Dropout(rate = 0.4)        Layer drop2;
    @MaxPool(2)                 Layer pool1;
    @Conv(filters = 32) @ReLU   Layer conv3;
    @Dropout(rate = 0.4)        Layer drop3;
    @Conv(filters = 32) @ReLU   Layer conv4;
    @Dropout(rate = 0.4)        Layer drop4;
    @MaxPool(2)                 Layer pool2;
    @Flatten                    Layer flatten;
    @Dense(units = 128) @ReLU   Layer fc1;
}
