package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DropoutOnOutputTest {

    private static final String ID = "DropoutOnOutput";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("OnOutput",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;",
                            "    @Dropout(rate = 0.3) Layer drop;"),
                    Diagnostic.Kind.WARNING, 5, 5,
                    "[lamina:DropoutOnOutput] layer 'drop' (@Dropout) comes after the last weighted layer 'logits'",
                    "output logits (10)", "Fix: remove it")
                    .fixedBy("remove it", JavacCase.vector("OnOutput",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("BeforeOutput",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void dropoutAfterTheLastWeightedLayerIsReported() {
        var model = model(784)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10)
                .field("drop_out").dropout(0.2)
                .build();
        assertFires(model, ID, Severity.WARNING, "drop_out", "Dropout",
                "after the last weighted layer 'logits' (@Dense)", "output logits (10)",
                "seed article 002", "move it before 'logits' (@Dense)");
    }

    @Test
    void dropoutBeforeTheOutputLayerIsFine() {
        var model = TestModels.mlp(0.5);
        assertSilent(model, ID);
    }

    @Test
    void aBuildingBlockEndingInAFeatureMapHasNoLogits() {
        var block = model("Block", 16, 8, 8)
                .field("c1").conv(16, 3).bn().relu()
                .field("drop").spatialDropout(0.1)
                .build();
        assertSilent(block, ID);
    }
}
