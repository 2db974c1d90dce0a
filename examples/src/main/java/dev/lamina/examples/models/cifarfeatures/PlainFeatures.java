package dev.lamina.examples.models.cifarfeatures;

import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.Flatten;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The layers of the CIFAR experiment baseline: the shared backbone with no dropout and no batch
 * norm. Everything but the classifier: {@code models.cifar.Plain} and {@code models.cifar100.Plain}
 * add their 10 or 100 logits to it.
 */
@Model(input = {3, 32, 32})
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
