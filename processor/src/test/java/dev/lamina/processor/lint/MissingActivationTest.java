package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class MissingActivationTest {

    private static final String ID = "MissingActivation";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.CLEAN_MLP,
            JavacCase.CLEAN_MOBILENET,
            JavacCase.fires(JavacCase.image("TwoDepthwise",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @DepthwiseConv(bias = false) @BatchNorm Layer dw1;",
                            "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:MissingActivation] layer 'dw1' (@DepthwiseConv) is followed by 'dw2' (@DepthwiseConv)"
                            + " with only @BatchNorm between", "no more expressive than one layer")
                    .fixedBy("add an activation after 'dw1', e.g. @DepthwiseConv(...) @BatchNorm @ReLU",
                            JavacCase.image("TwoDepthwise",
                                    "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                                    "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw1;",
                                    "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw2;",
                                    "    @GlobalAvgPool Layer gap;",
                                    "    @Dense(units = 10) Layer logits;")),
            // Xception's depthwise separable convolution: no activation between its two halves
            JavacCase.clean(JavacCase.image("Separable",
                    "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                    "    @DepthwiseConv(bias = false) Layer dw;",
                    "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer pw;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")),
            JavacCase.fires(JavacCase.vector("Linear",
                            "    @Dense(units = 32) Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 3, 5,
                    "[lamina:MissingActivation] layer 'fc' (@Dense) is followed by 'logits' (@Dense) directly",
                    "no more expressive than one layer", "add an activation after 'fc'")
                    .fixedBy("add an activation after 'fc', e.g. @Dense(...) @ReLU", JavacCase.vector("Linear",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            // MobileNetV2 (Sandler et al. 2018): the projection has no activation, and the next block's
            // expansion follows; the middle (16) is narrower than both ends (96 in, 96 out)
            JavacCase.clean(JavacCase.image("LinearBottleneck",
                    "    @Conv(filters = 32, stride = 2, bias = false) @BatchNorm @ReLU Layer stem;",
                    "    @Conv(filters = 96, kernel = 1, bias = false) @BatchNorm @ReLU Layer expand;",
                    "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw;",
                    "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm Layer project;",
                    "    @Conv(filters = 96, kernel = 1, bias = false) @BatchNorm @ReLU Layer expand2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")),
            // the converse: a middle wider than both ends is one layer's map with more weights
            JavacCase.fires(JavacCase.image("WideMiddle",
                            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer stem;",
                            "    @Conv(filters = 64, kernel = 1, bias = false) @BatchNorm Layer wide;",
                            "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer narrow;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:MissingActivation] layer 'wide' (@Conv) is followed by 'narrow' (@Conv)",
                    "no narrower than both ends (16 in, 16 out)",
                    "with 2,048 weights where one layer has 256 (16 x 64 + 64 x 16 against 16 x 16)")
                    .fixedBy("add an activation after 'wide', e.g. @Conv(...) @BatchNorm @ReLU", JavacCase.image("WideMiddle",
                            "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer stem;",
                            "    @Conv(filters = 64, kernel = 1, bias = false) @BatchNorm @ReLU Layer wide;",
                            "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer narrow;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")));

    @Test
    void aLinearBottleneckIsNotReportedButAMiddleAsWideAsOneEndIs() {
        assertSilent(model(64).field("down").dense(16).field("up").dense(64).relu()
                .field("logits").dense(10).build(), ID);
        assertFires(model(64).field("down").dense(64).field("up").dense(128).relu()
                .field("logits").dense(10).build(), ID, Severity.WARNING, "down", "Dense",
                "no narrower than both ends (64 in, 128 out)", "12,288 weights where one layer has 8,192");
    }

    @Test
    void twoDenseLayersWithOnlyLinearOpsBetweenAreReportedOnTheFirst() {
        var model = model(784)
                .field("fc1").dense(128).bn()
                .field("drop1").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "fc1", "Dense",
                "'fc1' (@Dense) is followed by 'logits' (@Dense)", "with only @BatchNorm, @Dropout between",
                "compose into one linear map", "add an activation after 'fc1'");
    }

    @Test
    void convThenFlattenThenDenseWithoutActivationIsReported() {
        var model = model(1, 8, 8)
                .field("conv1").conv(4, 3)
                .field("pool").avgPool(2)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "conv1", "Conv", "@AvgPool, @Flatten");
    }

    @Test
    void aDepthwiseConvBeforeAFullConvCollapsesIntoIt() {
        var model = model(8, 16, 16)
                .field("dw").depthwise(3, 1, false).bn()
                .field("conv").conv(16, 3).relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "dw", "DepthwiseConv",
                "'dw' (@DepthwiseConv) is followed by 'conv' (@Conv) with only @BatchNorm between",
                "e.g. @DepthwiseConv(...) @BatchNorm @ReLU");
    }

    @Test
    void aDepthwiseConvNextToAPointwiseConvIsASeparableConvInEitherOrder() {
        var depthwiseFirst = model(8, 16, 16)
                .field("dw").depthwise(3, 1, false).bn()
                .field("pw").conv(16, 1).relu()
                .gapHead()
                .build();
        assertSilent(depthwiseFirst, ID);
        var pointwiseFirst = model(8, 16, 16)
                .field("pw").conv(16, 1)
                .field("dw").depthwise(3, 1, true).relu()
                .gapHead()
                .build();
        assertSilent(pointwiseFirst, ID);
        var twoPointwise = model(8, 16, 16)
                .field("pw1").conv(16, 1)
                .field("pw2").conv(16, 1).relu()
                .gapHead()
                .build();
        assertFires(twoPointwise, ID, Severity.WARNING, "pw1", "Conv", "'pw1' (@Conv) is followed by 'pw2' (@Conv)");
    }

    @Test
    void maxPoolingOrAnActivationBetweenIsANonlinearity() {
        var pooled = model(1, 8, 8)
                .field("conv1").conv(4, 3)
                .field("pool").maxPool(2)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertSilent(pooled, ID);
        var activated = model(784)
                .field("fc1").dense(128).bn().relu()
                .field("logits").dense(10)
                .build();
        assertSilent(activated, ID);
    }

    @Test
    void aResidualBlockEndsTheSearch() {
        var block = model("Block", 8, 8, 8).field("c1").conv(8, 3).bn().build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3)
                .field("block").subModel(block, true)
                .field("conv2").conv(8, 3).relu()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void aPlainSubModelThatStartsWithAConvIsSeenThrough() {
        var block = model("Block", 8, 8, 8).field("c1").conv(8, 3).bn().relu().build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3).bn()
                .field("block").subModel(block, false)
                .build();
        assertFires(model, ID, Severity.WARNING, "conv1", "Conv",
                "'conv1' (@Conv) is followed by 'c1' (@Conv) of Block in sub-model 'block'",
                "with only @BatchNorm between");
    }

    @Test
    void aPlainSubModelThatEndsWithoutActivationIsReportedOnItsField() {
        var block = model("Block", 1, 8, 8).field("c1").conv(8, 3).bn().build();
        var model = model(1, 8, 8)
                .field("block").subModel(block, false)
                .field("conv2").conv(8, 3).relu()
                .build();
        assertFires(model, ID, Severity.WARNING, "block", null,
                "'c1' (@Conv) of Block in sub-model 'block' is followed by 'conv2' (@Conv)",
                "Fix: add an activation after 'c1' in Block, e.g. @Conv(...) @BatchNorm @ReLU");
    }

    @Test
    void aPlainSubModelThatStartsWithAnActivationIsANonlinearity() {
        var block = model("Block", 8, 8, 8).field("a").relu().field("c1").conv(8, 3).build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3)
                .field("block").subModel(block, false)
                .build();
        assertSilent(model, ID);
    }
}
