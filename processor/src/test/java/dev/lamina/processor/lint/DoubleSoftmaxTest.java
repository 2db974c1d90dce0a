package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import org.junit.jupiter.api.Test;

class DoubleSoftmaxTest {

    private static final String ID = "DoubleSoftmax";

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
