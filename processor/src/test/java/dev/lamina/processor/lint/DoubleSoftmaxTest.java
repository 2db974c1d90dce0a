package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DoubleSoftmaxTest {

    private static final String ID = "DoubleSoftmax";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("Softmaxed",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10, activation = Act.SOFTMAX) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 40,
                    "[lamina:DoubleSoftmax] layer 'logits_softmax' (activation = SOFTMAX on 'logits')", "applies softmax to the output (10)",
                    "remove the softmax")
                    .fixedBy("remove the softmax", JavacCase.vector("Softmaxed",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.fires(JavacCase.vector("Softmaxed2",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) @Softmax Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 24, "[lamina:DoubleSoftmax] layer 'logits_softmax' (@Softmax on 'logits')")
                    .fixedBy("remove the softmax", JavacCase.vector("Softmaxed2",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.CLEAN_MLP);

    @Test
    void softmaxAnnotationOnTheLastLayerIsReportedWithTheProbabilityBound() {
        var model = model(784)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10).softmax()
                .build();
        assertFires(model, ID, Severity.WARNING, "logits", "Softmax",
                "'logits_softmax' (@Softmax on 'logits')", "last weighted layer 'logits' (@Dense)",
                "softmax cross-entropy", "more than 23% probability", "never falls below 1.46",
                "remove the softmax");
    }

    @Test
    void softmaxFromTheActivationAttributeIsPlacedOnThatAttribute() {
        var model = model(784)
                .field("fc1").dense(128).withActivation(ActivationFn.RELU)
                .field("logits").dense(10).withActivation(ActivationFn.SOFTMAX)
                .build();
        Finding finding = assertFires(model, ID, Severity.WARNING, "logits", "Dense",
                "'logits_softmax' (activation = SOFTMAX on 'logits')");
        assertEquals("activation", finding.origin().attribute());
        assertEquals(0, finding.origin().annotationIndex());
    }

    @Test
    void softmaxOnAHiddenLayerIsNotDoubleSoftmax() {
        var model = model(784)
                .field("fc1").dense(128).softmax()
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }
}
