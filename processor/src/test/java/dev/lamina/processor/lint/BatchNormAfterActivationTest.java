package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class BatchNormAfterActivationTest {

    private static final String ID = "BatchNormAfterActivation";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.CLEAN_CNN,
            JavacCase.CLEAN_MOBILENET,
            JavacCase.fires(JavacCase.image("DepthwiseReluBn",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @DepthwiseConv @ReLU @BatchNorm Layer dw;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 4, 26,
                    "[lamina:BatchNormAfterActivation]",
                    "layer 'dw_bn' (@BatchNorm on 'dw') normalizes the output of activation 'dw_relu'",
                    "of 'dw' (@DepthwiseConv)")
                    .fixedBy("@DepthwiseConv(..., bias = false) @BatchNorm @ReLU", JavacCase.image("DepthwiseReluBn",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.fires(JavacCase.image("ReluBn",
                            "    @Conv(filters = 8) @ReLU @BatchNorm Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 3, 30,
                    "[lamina:BatchNormAfterActivation]", "layer 'conv_bn' (@BatchNorm on 'conv') normalizes the output of activation 'conv_relu'",
                    "Ioffe & Szegedy (2015)", "(batch norm first)")
                    .fixedBy("@Conv(..., bias = false) @BatchNorm @ReLU", JavacCase.image("ReluBn",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")));

    @Test
    void batchNormAfterReluIsANote() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu().bn()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "conv1", "BatchNorm",
                "'conv1_bn' (@BatchNorm on 'conv1') normalizes the output of activation 'conv1_relu'",
                "of 'conv1' (@Conv)", "(32, 28, 28) feature map", "Ioffe & Szegedy (2015)",
                "@Conv(..., bias = false) @BatchNorm @ReLU");
    }

    @Test
    void batchNormAfterAnActivationAttributeIsReported() {
        var model = model(784)
                .field("fc1").dense(128).withActivation(ActivationFn.RELU).bn()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.NOTE, "fc1", "BatchNorm", "activation = RELU on 'fc1'");
    }

    @Test
    void batchNormAfterReluAndDropoutIsReported() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu().dropout(0.1).bn()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "conv1", "BatchNorm",
                "normalizes the output of activation 'conv1_relu' (@ReLU on 'conv1')",
                "(through 'conv1_dropout' (@Dropout on 'conv1'))",
                "of 'conv1' (@Conv)");
    }

    @Test
    void batchNormAfterReluAndPoolingInAnotherFieldIsReported() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("pool1").maxPool(2)
                .field("bn1").bn()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "bn1", "BatchNorm",
                "normalizes the output of activation 'conv1_relu' (@ReLU on 'conv1') (through 'pool1' (@MaxPool))",
                "(32, 14, 14) feature map");
    }

    @Test
    void batchNormAfterPoolingOfAConvWithoutActivationIsSilent() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3)
                .field("pool1").maxPool(2)
                .field("bn1").bn().relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void batchNormAfterASubModelsActivationIsNotAboutPlacement() {
        var block = model("Block", 32, 28, 28).field("c1").conv(32, 3).relu().build();
        var model = model(1, 28, 28)
                .field("stem").conv(32, 3).relu()
                .field("block1").subModel(block, true)
                .field("act").relu().bn()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void batchNormThenReluIsFine() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }
}
