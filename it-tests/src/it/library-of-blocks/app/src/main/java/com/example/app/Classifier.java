package com.example.app;

import com.example.blocks.MlpBlock;
import com.example.blocks.WideBlock;
import dev.lamina.*;

/** A classifier built from the library's blocks. */
@Model(input = {3, 8, 8})
public class Classifier {
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU   Layer stem;
    @Residual                                            WideBlock block;
    @BatchNorm @ReLU                                     Layer post;
    @GlobalAvgPool                                       Layer gap;
    @Dense(units = 64) @ReLU                             Layer fc;
    MlpBlock                                             hidden;
    @Dense(units = 10)                                   Layer logits;
}
