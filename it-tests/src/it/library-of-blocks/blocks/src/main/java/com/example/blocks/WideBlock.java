package com.example.blocks;

import dev.lamina.*;

/** A pre-activation Wide ResNet block with dropout between its convolutions; declared a residual main path. */
@Model(input = {16, 8, 8}, role = Model.Role.RESIDUAL_BLOCK)
public class WideBlock {
    @BatchNorm @ReLU                                     Layer pre;
    @Conv(filters = 16, bias = false) @BatchNorm @ReLU   Layer conv1;
    @Dropout(rate = 0.3)                                 Layer drop;
    @Conv(filters = 16, bias = false)                    Layer conv2;
}
