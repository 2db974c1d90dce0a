package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class ActivationOnLogitsTest {

    private static final String ID = "ActivationOnLogits";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.CLEAN_MLP,
            JavacCase.fires(JavacCase.vector("ReluLogits",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) @ReLU Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 24,
                    "[lamina:ActivationOnLogits]", "layer 'logits_relu' (@ReLU on 'logits') is applied to the output logits (10)",
                    "ReLU sets every negative logit to 0")
                    .fixedBy("remove it", JavacCase.vector("ReluLogits",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")));

    private static TestModels.Builder classifier(ActivationFn last) {
        return model(784)
                .field("fc1").dense(128).relu()
                .field("logits").dense(10).act(last);
    }

    @Test
    void reluOnTheLogitsIsReported() {
        assertFires(classifier(ActivationFn.RELU).build(), ID, Severity.WARNING, "logits", "ReLU",
                "'logits_relu' (@ReLU on 'logits')", "output logits (10)",
                "every negative logit to 0", "Fix: remove it");
    }

    @Test
    void sigmoidAndTanhOnTheLogitsSayHowConfidentSoftmaxCanGet() {
        assertFires(classifier(ActivationFn.SIGMOID).build(), ID, Severity.WARNING, "logits", "Sigmoid",
                "(0, 1)", "more than 23% probability");
        assertFires(classifier(ActivationFn.TANH).build(), ID, Severity.WARNING, "logits", "Tanh",
                "(-1, 1)", "more than 45% probability");
    }

    @Test
    void reluOnHiddenLayersAndSoftmaxOnLogitsAreNotThisRule() {
        assertSilent(classifier(ActivationFn.SOFTMAX).build(), ID);
        var model = model(784).field("fc1").dense(128).relu().field("logits").dense(10).build();
        assertSilent(model, ID);
    }

    @Test
    void aBlockWhoseOutputIsAFeatureMapEndsInAnActivationLegitimately() {
        var block = model("ConvBlock", 16, 8, 8).field("c1").conv(16, 3).bn().relu().build();
        assertSilent(block, ID);
    }
}
