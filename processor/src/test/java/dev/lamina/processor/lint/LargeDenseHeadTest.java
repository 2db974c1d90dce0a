package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class LargeDenseHeadTest {

    private static final String ID = "LargeDenseHead";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.image("BigHead",
                            "    @Conv(filters = 32) @ReLU Layer conv;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 128) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 5, 5,
                    "[lamina:LargeDenseHead] layer 'fc' (@Dense) takes the 25,088 features",
                    "3,211,264 parameters (25,088 x 128)", "replace @Flatten with @GlobalAvgPool")
                    .fixedBy("replace @Flatten with @GlobalAvgPool", JavacCase.image("BigHead",
                            "    @Conv(filters = 32) @ReLU Layer conv;",
                            "    @GlobalAvgPool Layer flat;",
                            "    @Dense(units = 128) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.image("SmallHead",
                    "    @Conv(filters = 32) @ReLU Layer conv;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 128) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void flattenIntoABigDenseIsANoteWithTheWeightCount() {
        var model = model(1, 28, 28)
                .field("conv1").conv(64, 3).relu()
                .field("pool").maxPool(2)
                .field("flat").flatten()
                .field("drop").dropout(0.5)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.NOTE, "fc1", "Dense",
                "takes the 12,544 features that 'flat' (@Flatten) makes of a (64, 14, 14) feature map",
                "1,605,632 parameters (12,544 x 128)", "He et al. (2016, ResNet)",
                "replace @Flatten with @GlobalAvgPool", "64 x 128 = 8,192 weights");
    }

    @Test
    void aSmallFlattenHeadOrAGlobalAveragePoolHeadIsFine() {
        var small = model(1, 28, 28)
                .field("conv1").conv(8, 3).relu()
                .field("pool").maxPool(2)
                .field("flat").flatten()
                .field("fc1").dense(128).relu()
                .field("logits").dense(10)
                .build();
        assertSilent(small, ID);
        var gap = model(1, 28, 28)
                .field("conv1").conv(512, 3).relu()
                .field("gap").globalAvgPool()
                .field("fc1").dense(4096).relu()
                .field("logits").dense(10)
                .build();
        assertSilent(gap, ID);
    }
}
