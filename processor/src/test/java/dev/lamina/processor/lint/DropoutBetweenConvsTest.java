package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DropoutBetweenConvsTest {

    private static final String ID = "DropoutBetweenConvs";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.image("Between",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @Dropout(rate = 0.25) Layer drop;",
                            "    @Conv(filters = 8) @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:DropoutBetweenConvs] layer 'drop' (@Dropout) drops single activations (rate 0.25)",
                    "between 'conv1' (@Conv) and 'conv2' (@Conv)", "(8, 28, 28)", "@SpatialDropout")
                    .fixedBy("use @SpatialDropout(rate = 0.1)", JavacCase.image("Between",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @SpatialDropout(rate = 0.1) Layer drop;",
                            "    @Conv(filters = 8) @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.image("Spatial",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @SpatialDropout(rate = 0.1) Layer drop;",
                    "    @Conv(filters = 8) @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void dropoutBetweenTwoConvsIsReportedWithItsNeighboursAndShape() {
        var model = model(1, 28, 28)
                .field("conv1").convValid(32, 3).relu()
                .field("drop1").dropout(0.3)
                .field("conv2").convValid(64, 3).relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "Dropout",
                "'drop1' (@Dropout)", "rate 0.3", "between 'conv1' (@Conv) and 'conv2' (@Conv)",
                "(32, 26, 26) feature map", "Tompson et al. 2015", "@SpatialDropout");
    }

    @Test
    void aResidualBlockAfterTheDropoutCountsByItsFirstConv() {
        var block = model("ConvBlock", 8, 28, 28)
                .field("c1").conv(8, 3).bn().relu()
                .field("c2").conv(8, 3).bn()
                .build();
        var model = model(1, 28, 28)
                .field("conv").conv(8, 3).relu()
                .field("drop").dropout(0.25)
                .field("block").subModel(block, true)
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop", "Dropout",
                "between 'conv' (@Conv) and 'block' (@Residual), whose first weighted layer is 'c1' (@Conv)");
        assertSilent(model, "DropoutOnFeatureMaps");
    }

    @Test
    void aSubModelBeforeTheDropoutCountsByItsLastConv() {
        var block = model("ConvBlock", 1, 28, 28).field("c1").conv(8, 3).relu().build();
        var model = model(1, 28, 28)
                .field("block").subModel(block, false)
                .field("drop").dropout(0.25)
                .field("conv").conv(8, 3).relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop", "Dropout",
                "between 'c1' (@Conv) of ConvBlock in sub-model 'block' and 'conv' (@Conv)");
    }

    @Test
    void aSubModelEndingInADenseIsNotAConv() {
        var block = model("Head", 8, 28, 28).field("gap").globalAvgPool().field("fc").dense(8).relu().build();
        var model = model(1, 28, 28)
                .field("conv").conv(8, 3).relu()
                .field("drop").dropout(0.25)
                .field("head").subModel(block, false)
                .build();
        assertSilent(model, ID);
    }

    @Test
    void batchNormPoolingAndActivationsDoNotBreakTheBetween() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .field("pool1").maxPool(2)
                .field("drop1").dropout(0.2)
                .field("conv2").conv(64, 3).bn().relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "Dropout", "(32, 14, 14)");
    }

    @Test
    void spatialDropoutBetweenConvsIsFine() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("drop1").spatialDropout(0.1)
                .field("conv2").conv(64, 3).relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void dropoutBetweenTwoDenseLayersIsFine() {
        var model = TestModels.mlp(0.5);
        assertSilent(model, ID);
    }

    @Test
    void dropoutBetweenConvAndDenseIsNotBetweenConvs() {
        var model = model(1, 28, 28)
                .field("conv1").conv(8, 3).relu()
                .field("drop1").dropout(0.25)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }
}
