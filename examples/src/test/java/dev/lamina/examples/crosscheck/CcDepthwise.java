package dev.lamina.examples.crosscheck;

import dev.lamina.Act;
import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.DepthwiseConv;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.Padding;
import dev.lamina.ReLU;

/**
 * Cross-check model: MobileNet-style depthwise-separable blocks ({@code @DepthwiseConv} then a
 * 1x1 {@code @Conv}), with a strided, dilated depthwise conv with a channel multiplier and a
 * VALID one with a bias.
 */
@Model(input = {3, 16, 16})
class CcDepthwise {
    @Conv(filters = 8, stride = 2, bias = false) @BatchNorm @ReLU Layer stem;
    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw1;
    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer pw1;
    @DepthwiseConv(stride = 2, dilation = 2, multiplier = 2, bias = false) @BatchNorm @ReLU Layer dw2;
    @DepthwiseConv(padding = Padding.VALID, activation = Act.RELU) Layer dw3;
    @GlobalAvgPool Layer gap;
    @Dense(units = 10) Layer logits;
}
