package dev.lamina.examples.models.cifar.wrn;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dropout;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;

/**
 * The first (strided) Wide ResNet block (Zagoruyko &amp; Komodakis 2016, pre-activation): batch norm and ReLU,
 * a 3x3 convolution, batch norm and ReLU, dropout (rate 0.3, the paper's rate on CIFAR), a 3x3
 * convolution. Declared a {@code @Residual} main path ({@code role = Model.Role.RESIDUAL_BLOCK}) and
 * used as one by {@link WideResNet16x4}; the dropout between
 * its convolutions is the WRN design, which the lints accept inside a residual block (docs/lints.md,
 * "Dropout inside residual blocks").
 */
@Model(input = {64, 32, 32}, role = Model.Role.RESIDUAL_BLOCK)
public class WideDown128 {
    @BatchNorm @ReLU                                           Layer pre;
    @Conv(filters = 128, stride = 2, bias = false) @BatchNorm @ReLU   Layer conv1;
    @Dropout(rate = 0.3)                                       Layer drop;
    @Conv(filters = 128, bias = false)                          Layer conv2;
}
