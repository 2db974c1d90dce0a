package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class InputDropoutHighTest {

    private static final String ID = "InputDropoutHigh";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("InputDrop",
                            "    @Dropout(rate = 0.5) Layer drop;",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 3, 5,
                    "[lamina:InputDropoutHigh] layer 'drop' (@Dropout) drops 0.5 of the model's input (16)",
                    "@Dropout(rate = 0.2) or lower")
                    .fixedBy("@Dropout(rate = 0.2)", JavacCase.vector("InputDrop",
                            "    @Dropout(rate = 0.2) Layer drop;",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("InputDropLow",
                    "    @Dropout(rate = 0.2) Layer drop;",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;")));

    private static TestModels.Builder inputDropout(double rate) {
        return model(784)
                .field("drop0").dropout(rate)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10);
    }

    @Test
    void inputDropoutAboveZeroPointTwoIsReported() {
        assertFires(inputDropout(0.5).build(), ID, Severity.WARNING, "drop0", "Dropout",
                "drops 0.5 of the model's input (784)", "before any weighted layer",
                "keep 0.8", "@Dropout(rate = 0.2)");
    }

    @Test
    void aRateJustBelowOneIsWrittenInFullNotRoundedToAllOfTheInput() {
        assertFires(inputDropout(0.9999999).build(), ID, Severity.WARNING, "drop0", "Dropout",
                "drops 0.9999999 of the model's input (784)");
        assertFires(inputDropout(0.25).build(), ID, Severity.WARNING, "drop0", "Dropout",
                "drops 0.25 of the model's input (784)");
        assertFires(inputDropout(0.33333333).build(), ID, Severity.WARNING, "drop0", "Dropout",
                "drops 0.3333 of the model's input (784)");
    }

    @Test
    void inputDropoutOfZeroPointTwoIsFine() {
        assertSilent(inputDropout(0.2).build(), ID);
    }

    @Test
    void hiddenDropoutIsNotInputDropout() {
        var model = TestModels.mlp(0.5);
        assertSilent(model, ID);
    }
}
