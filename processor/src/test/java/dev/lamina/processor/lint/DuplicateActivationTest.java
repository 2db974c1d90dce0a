package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DuplicateActivationTest {

    private static final String ID = "DuplicateActivation";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("TwoRelus",
                            "    @Dense(units = 32, activation = Act.RELU) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 3, 47,
                    "[lamina:DuplicateActivation]", "layer 'fc_relu_2' (@ReLU on 'fc') comes right after activation 'fc_relu' (activation = RELU on 'fc')",
                    "ReLU(ReLU(x)) = ReLU(x)")
                    .fixedBy("keep one activation", JavacCase.vector("TwoRelus",
                            "    @Dense(units = 32, activation = Act.RELU) Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("OneRelu",
                    "    @Dense(units = 32, activation = Act.RELU) Layer fc;",
                    "    @Dense(units = 10) Layer logits;")));

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
