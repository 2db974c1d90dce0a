package dev.lamina.examples.models.cifar;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * Experiment baseline for 32x32x3 images (CIFAR): the shared backbone with no dropout and no batch norm.
 */
@Model(input = {3, 32, 32})
public class Plain {
    @Conv(filters = 16) @ReLU   Layer conv1;
    @Conv(filters = 16) @ReLU   Layer conv2;
    @MaxPool(2)                 Layer pool1;
    @Conv(filters = 32) @ReLU   Layer conv3;
    @Conv(filters = 32) @ReLU   Layer conv4;
    @MaxPool(2)                 Layer pool2;
    @Flatten                    Layer flatten;
    @Dense(units = 128) @ReLU   Layer fc1;
    @Dense(units = 10)          Layer logits;
}
