package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DropoutRateHighTest {

    private static final String ID = "DropoutRateHigh";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("HighRate",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dropout(rate = 0.7) Layer drop;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:DropoutRateHigh] layer 'drop' (@Dropout) has rate 0.7", "more units than it keeps",
                    "@Dropout(rate = 0.5) or lower")
                    .fixedBy("@Dropout(rate = 0.5)", JavacCase.vector("HighRate",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dropout(rate = 0.5) Layer drop;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("HalfRate",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dropout(rate = 0.5) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")));

    @Test
    void rateAboveOneHalfOnHiddenUnitsIsReported() {
        assertFires(TestModels.mlp(0.7), ID, Severity.WARNING, "drop1", "Dropout",
                "rate 0.7", "(128) vector", "Srivastava et al. (2014)", "@Dropout(rate = 0.5)");
    }

    @Test
    void rateOfExactlyOneHalfIsFine() {
        assertSilent(TestModels.mlp(0.5), ID);
    }

    @Test
    void inputDropoutIsLeftToInputDropoutHigh() {
        var model = model(784)
                .field("drop0").dropout(0.6)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }
}
