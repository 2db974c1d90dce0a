package dev.lamina.examples.models.tasks;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.MaxPool;
import dev.lamina.Model;
import dev.lamina.ReLU;

/** Predicts three independent tags of a Fashion-MNIST image (footwear, upper-body, sleeves; docs/tasks.md): one logit per tag. */
@Model(input = {1, 28, 28}, task = Model.Task.MULTI_LABEL)
public class FashionTags {
    @Conv(filters = 16, kernel = 3, bias = false) @BatchNorm @ReLU Layer conv1;
    @MaxPool(2)                                                 Layer pool1;
    @Conv(filters = 32, kernel = 3, bias = false) @BatchNorm @ReLU Layer conv2;
    @MaxPool(2)                                                 Layer pool2;
    @Conv(filters = 64, kernel = 3, bias = false) @BatchNorm @ReLU Layer conv3;
    @GlobalAvgPool                                              Layer gap;
    @Dense(units = 64) @ReLU                                    Layer fc1;
    @Dense(units = 3)                                             Layer out;
}
