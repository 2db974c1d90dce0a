package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DropoutOnFeatureMapsTest {

    private static final String ID = "DropoutOnFeatureMaps";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.image("OnMaps",
                            "    @Conv(filters = 8) @ReLU Layer conv;",
                            "    @MaxPool(2) Layer pool;",
                            "    @Dropout(rate = 0.25) Layer drop;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 5, 5,
                    "[lamina:DropoutOnFeatureMaps] layer 'drop' (@Dropout)", "(8, 14, 14) feature map",
                    "after 'conv' (@Conv), before 'logits' (@Dense)", "@SpatialDropout")
                    .fixedBy("use @SpatialDropout(rate = 0.25) here", JavacCase.image("OnMaps",
                            "    @Conv(filters = 8) @ReLU Layer conv;",
                            "    @MaxPool(2) Layer pool;",
                            "    @SpatialDropout(rate = 0.25) Layer drop;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 10) Layer logits;")),
            // a dense layer that already has its dropout: moving this one there would compound the two
            JavacCase.fires(JavacCase.image("OnMapsAndAfterDense",
                            "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                            "    @Dropout(rate = 0.25) Layer drop1;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc1;",
                            "    @Dropout(rate = 0.5) Layer drop2;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:DropoutOnFeatureMaps] layer 'drop1' (@Dropout)",
                    "or remove it: 'drop2' (@Dropout) after 'fc1' (@Dense) already drops units of a vector")
                    .fixedBy("or remove it", JavacCase.image("OnMapsAndAfterDense",
                            "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc1;",
                            "    @Dropout(rate = 0.5) Layer drop2;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.image("DenseDrop",
                    "    @Conv(filters = 8) @ReLU Layer conv;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dropout(rate = 0.5) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void dropoutAfterTheLastPoolingBeforeFlattenIsReported() {
        var model = model(1, 28, 28)
                .field("conv1").convValid(32, 3).relu()
                .field("pool1").maxPool(2)
                .field("drop1").dropout(0.25)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "Dropout",
                "(32, 13, 13) feature map", "after 'conv1' (@Conv)", "before 'logits' (@Dense)",
                "@SpatialDropout", "@SpatialDropout(rate = 0.25) here");
    }

    @Test
    void dropoutBetweenTwoConvsIsLeftToDropoutBetweenConvs() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("drop1").dropout(0.3)
                .field("conv2").conv(64, 3).relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void dropoutBetweenADepthwiseAndAPointwiseConvIsLeftToDropoutBetweenConvs() {
        var model = model(1, 28, 28)
                .field("conv1").conv(8, 3).relu()
                .field("dw").depthwise(3, 1, true).relu()
                .field("drop1").dropout(0.3)
                .field("pw").conv(16, 1).relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
        assertFires(model, "DropoutBetweenConvs", Severity.WARNING, "drop1", "Dropout",
                "between 'dw' (@DepthwiseConv) and 'pw' (@Conv)");
    }

    @Test
    void dropoutAfterADepthwiseConvBeforeTheHeadIsReported() {
        var model = model(1, 28, 28)
                .field("conv1").conv(8, 3).relu()
                .field("dw").depthwise(3, 1, true).relu()
                .field("drop1").dropout(0.3)
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "Dropout", "after 'dw' (@DepthwiseConv)");
    }

    @Test
    void spatialDropoutOnFeatureMapsAndDropoutOnVectorsAreFine() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("drop1").spatialDropout(0.2)
                .field("gap").globalAvgPool()
                .field("fc1").dense(64).relu()
                .field("drop2").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }

    @Test
    void dropoutOnTheInputImageIsNotAFeatureMapDropout() {
        var model = model(1, 28, 28)
                .field("drop0").dropout(0.2)
                .field("conv1").conv(32, 3).relu()
                .gapHead()
                .build();
        assertSilent(model, ID);
    }
}
