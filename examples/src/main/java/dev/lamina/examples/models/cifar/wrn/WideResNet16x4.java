package dev.lamina.examples.models.cifar.wrn;

import dev.lamina.BatchNorm;
import dev.lamina.Conv;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.ReLU;
import dev.lamina.Residual;

/**
 * WRN-16-4 for CIFAR-10 (Zagoruyko &amp; Komodakis 2016, "Wide Residual Networks", BMVC): depth 16
 * (a stem convolution, three groups of (16 - 4) / 6 = 2 blocks of two 3x3 convolutions, the
 * classifier), widening factor 4 (groups of 64, 128 and 256 channels), dropout 0.3 between the
 * convolutions of every block. The first block of each group changes the width (and, in groups
 * 2 and 3, halves H and W) with a 1x1 projection on the skip path. Compiles without any Lamina
 * diagnostic (WideResNetExampleTest in the processor's tests).
 */
@Model(input = {3, 32, 32})
public class WideResNet16x4 {
    @Conv(filters = 16, bias = false)     Layer stem;
    @Residual(projection = true)          WideEntry64 group1a;
    @Residual                             WideBlock64 group1b;
    @Residual(projection = true)          WideDown128 group2a;
    @Residual                             WideBlock128 group2b;
    @Residual(projection = true)          WideDown256 group3a;
    @Residual                             WideBlock256 group3b;
    @BatchNorm @ReLU                      Layer post;
    @GlobalAvgPool                        Layer gap;
    @Dense(units = 10)                    Layer logits;
}
