package dev.lamina.examples.models.features;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The layers of the experiment model Plain but its logits: the shared backbone with no dropout and
 * no batch norm. It declares no input, so it takes the shape of each model that uses it: {@code
 * models.Plain} (1x28x28, 10 classes), {@code models.cifar.Plain} (3x32x32, 10 classes) and {@code
 * models.cifar100.Plain} (3x32x32, 100 classes) each add their logits to it.
 */
@Model
public class PlainFeatures {
    @Conv(filters = 16) @ReLU   Layer conv1;
    @Conv(filters = 16) @ReLU   Layer conv2;
    @MaxPool(2)                 Layer pool1;
    @Conv(filters = 32) @ReLU   Layer conv3;
    @Conv(filters = 32) @ReLU   Layer conv4;
    @MaxPool(2)                 Layer pool2;
    @Flatten                    Layer flatten;
    @Dense(units = 128) @ReLU   Layer fc1;
}
