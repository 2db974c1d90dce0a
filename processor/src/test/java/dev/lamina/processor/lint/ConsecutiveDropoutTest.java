package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.LintAssert.findings;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class ConsecutiveDropoutTest {

    private static final String ID = "ConsecutiveDropout";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("TwoDrops",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dropout(rate = 0.5) Layer drop1;",
                            "    @Dropout(rate = 0.5) Layer drop2;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 5, 5,
                    "[lamina:ConsecutiveDropout] layer 'drop2' (@Dropout) follows dropout 'drop1' (@Dropout)",
                    "0.75 of the units are dropped", "keep 0.5 x 0.5 = 0.25")
                    .fixedBy("@Dropout(rate = 0.5), and remove the other", JavacCase.vector("TwoDrops",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dropout(rate = 0.5) Layer drop1;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("SeparateDrops",
                    "    @Dense(units = 32) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop1;",
                    "    @Dense(units = 32) @ReLU Layer fc2;",
                    "    @Dropout(rate = 0.5) Layer drop2;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void twoDropoutsInARowAreReportedWithTheEffectiveRate() {
        var model = model(784)
                .field("fc1").dense(128).relu()
                .field("drop1").dropout(0.3)
                .field("drop2").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "drop2", "Dropout",
                "follows dropout 'drop1' (@Dropout)", "0.65 of the units are dropped",
                "keep 0.7 x 0.5 = 0.35");
    }

    @Test
    void activationsAndBatchNormDoNotSeparateDropouts() {
        var model = model(784)
                .field("fc1").dense(128)
                .field("drop1").dropout(0.5)
                .field("act").relu()
                .field("drop2").dropout(0.5)
                .field("drop3").dropout(0.5)
                .field("logits").dense(10)
                .build();
        List<Finding> found = findings(model, ID);
        assertEquals(List.of("drop2", "drop3"), found.stream().map(f -> f.origin().field()).toList());
        assertTrue(found.get(1).message().contains("0.875 of the units are dropped"), found.get(1)::render);
    }

    @Test
    void dropoutsSeparatedByAWeightedLayerAreFine() {
        var model = model(784)
                .field("drop0").dropout(0.2)
                .field("fc1").dense(128).relu()
                .field("drop1").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }

    @Test
    void aDepthwiseConvSeparatesDropoutsAndAnActivationDoesNot() {
        var separated = model(8, 16, 16)
                .field("drop0").spatialDropout(0.1)
                .field("dw").depthwise(3, 1, true).relu()
                .field("drop1").spatialDropout(0.1)
                .gapHead()
                .build();
        assertSilent(separated, ID);
        var together = model(8, 16, 16)
                .field("dw").depthwise(3, 1, true)
                .field("drop0").spatialDropout(0.1)
                .field("act").relu()
                .field("drop1").spatialDropout(0.1)
                .gapHead()
                .build();
        assertFires(together, ID, Severity.WARNING, "drop1", "SpatialDropout");
    }
}
