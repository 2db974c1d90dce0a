package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import org.junit.jupiter.api.Test;

class DuplicateActivationTest {

    private static final String ID = "DuplicateActivation";

    @Test
    void activationAttributeAndAnnotationTogetherAreReportedOnTheAnnotation() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).withActivation(ActivationFn.RELU).relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "conv1", "ReLU",
                "right after activation 'conv1_relu' (activation = RELU on 'conv1')",
                "ReLU(ReLU(x)) = ReLU(x)", "keep one activation");
    }

    @Test
    void twoDifferentActivationsAreReported() {
        var model = model(784)
                .field("fc1").dense(128).relu().act(ActivationFn.TANH)
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "fc1", "Tanh", "Tanh re-squashes the output of ReLU");
    }

    @Test
    void activationsSeparatedByBatchNormAreFine() {
        var model = model(784)
                .field("fc1").dense(128).relu().bn().relu()
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }
}
