package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import org.junit.jupiter.api.Test;

class InputDropoutHighTest {

    private static final String ID = "InputDropoutHigh";

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
    void inputDropoutOfZeroPointTwoIsFine() {
        assertSilent(inputDropout(0.2).build(), ID);
    }

    @Test
    void hiddenDropoutIsNotInputDropout() {
        var model = TestModels.mlp(0.5);
        assertSilent(model, ID);
    }
}
