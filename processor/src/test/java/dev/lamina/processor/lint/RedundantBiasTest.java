package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.tensor.PaddingMode;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class RedundantBiasTest {

    private static final String ID = "RedundantBias";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.CLEAN_CNN,
            JavacCase.CLEAN_MOBILENET,
            JavacCase.fires(JavacCase.image("BiasedDepthwise",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @DepthwiseConv(multiplier = 2) @BatchNorm @ReLU Layer dw;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 4, 5,
                    "[lamina:RedundantBias] layer 'dw' (@DepthwiseConv) has a bias (16 parameters)",
                    "mean subtraction cancels it", "@DepthwiseConv(..., bias = false)")
                    .fixedBy("@DepthwiseConv(..., bias = false)", JavacCase.image("BiasedDepthwise",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @DepthwiseConv(multiplier = 2, bias = false) @BatchNorm @ReLU Layer dw;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.fires(JavacCase.image("Biased",
                            "    @Conv(filters = 8) @BatchNorm @ReLU Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 3, 5,
                    "[lamina:RedundantBias] layer 'conv' (@Conv) has a bias (8 parameters)",
                    "mean subtraction cancels it", "@Conv(..., bias = false)")
                    .fixedBy("@Conv(..., bias = false)", JavacCase.image("Biased",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")));

    @Test
    void biasDirectlyBeforeBatchNormIsANoteWithTheParameterCount() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "conv1", "Conv",
                "'conv1' (@Conv) has a bias (32 parameters)", "batch norm 'conv1_bn'",
                "section 3.2", "@Conv(..., bias = false)");
    }

    @Test
    void aDepthwiseConvsBiasHasOneParameterPerOutputChannel() {
        var model = model(3, 28, 28)
                .field("dw").depthwise(3, 4, true).bn().relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "dw", "DepthwiseConv",
                "'dw' (@DepthwiseConv) has a bias (12 parameters)", "@DepthwiseConv(..., bias = false)");
        assertSilent(model(3, 28, 28).field("dw").depthwise(3, 4, false).bn().relu().gapHead().build(), ID);
        assertSilent(model(3, 28, 28).field("dw").depthwise(3, 1, true).relu().bn().gapHead().build(), ID);
    }

    @Test
    void noBiasOrNoDirectBatchNormIsFine() {
        var noBias = model(1, 28, 28)
                .field("conv1").conv(32, 3, PaddingMode.SAME, false).bn().relu()
                .gapHead()
                .build();
        assertSilent(noBias, ID);
        var activationFirst = model(784)
                .field("fc1").dense(64).relu().bn()
                .field("logits").dense(10)
                .build();
        assertSilent(activationFirst, ID);
    }
}
