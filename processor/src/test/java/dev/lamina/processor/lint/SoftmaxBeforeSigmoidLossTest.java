package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class SoftmaxBeforeSigmoidLossTest {

    private static final String ID = "SoftmaxBeforeSigmoidLoss";

    /** In javac (run by {@link LintCompilationTest}): models that trigger the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.withFields("SoftmaxBinary", "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) @Softmax Layer out;"),
                    Diagnostic.Kind.ERROR, 4, 23,
                    "[lamina:SoftmaxBeforeSigmoidLoss] layer 'out_softmax' (@Softmax on 'out') applies softmax to the"
                            + " output (1)", "binary model (@Model(task = Model.Task.BINARY))",
                    "Softmax over one output is 1 whatever the input")
                    .fixedBy("remove the softmax", JavacCase.withFields("SoftmaxBinary", "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) Layer out;")),
            JavacCase.fires(JavacCase.withFields("SoftmaxTags", "{16}, task = Model.Task.MULTI_LABEL",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 5, activation = Act.SOFTMAX) Layer tags;"),
                    Diagnostic.Kind.ERROR, 4, 39,
                    "[lamina:SoftmaxBeforeSigmoidLoss] layer 'tags_softmax' (activation = SOFTMAX on 'tags')",
                    "multi-label model", "labels that should be independent compete")
                    .fixedBy("remove the softmax", JavacCase.withFields("SoftmaxTags", "{16}, task = Model.Task.MULTI_LABEL",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 5) Layer tags;")),
            // a softmax on a hidden layer of a multi-label model is not on the logits
            JavacCase.clean(JavacCase.withFields("HiddenSoftmax", "{16}, task = Model.Task.MULTI_LABEL",
                    "    @Dense(units = 32) @Softmax Layer fc;",
                    "    @Dense(units = 5) Layer tags;")));

    @Test
    void aSoftmaxOnABinaryLogitIsAnErrorThatSaysItIsConstant() {
        assertFires(TestModels.endingIn(ModelTask.BINARY, 1, ActivationFn.SOFTMAX).build(), ID, Severity.ERROR, "out", "Softmax",
                "'out_softmax' (@Softmax on 'out')", "the loss takes each logit and applies the sigmoid itself",
                "Softmax over one output is 1 whatever the input", "never learns",
                "Fix: remove the softmax; the last weighted layer's outputs are the logits");
    }

    @Test
    void aSoftmaxOnMultiLabelLogitsSaysLabelsCompete() {
        assertFires(TestModels.endingIn(ModelTask.MULTI_LABEL, 5, ActivationFn.SOFTMAX).build(), ID, Severity.ERROR, "out",
                "Softmax", "output (5)", "multi-label model", "compete", "every label is predicted present");
    }

    /** One finding per layer: on these tasks the softmax is this rule's, never DoubleSoftmax's. */
    @Test
    void doubleSoftmaxLeavesTheseTasksToThisRule() {
        assertSilent(TestModels.endingIn(ModelTask.BINARY, 1, ActivationFn.SOFTMAX).build(), "DoubleSoftmax");
        assertSilent(TestModels.endingIn(ModelTask.MULTI_LABEL, 5, ActivationFn.SOFTMAX).build(), "DoubleSoftmax");
    }

    @Test
    void otherTasksAndOtherActivationsAreNotThisRule() {
        assertSilent(TestModels.endingIn(ModelTask.MULTI_CLASS, 5, ActivationFn.SOFTMAX).build(), ID);
        assertSilent(TestModels.endingIn(ModelTask.REGRESSION, 5, ActivationFn.SOFTMAX).build(), ID);
        assertSilent(TestModels.endingIn(ModelTask.MULTI_LABEL, 5, ActivationFn.SIGMOID).build(), ID);
        assertSilent(model(784).task(ModelTask.MULTI_LABEL).field("fc1").dense(64).softmax()
                .field("out").dense(5).build(), ID);
    }

    /** Across a boundary: the softmax ends the main path of the residual block that ends the network. */
    @Test
    void aSoftmaxEndingAResidualBlockAtTheEndIsReportedOnItsField() {
        var block = model("Tail", 8).role(dev.lamina.processor.model.ModelRole.RESIDUAL_BLOCK)
                .field("fc").dense(8).softmax().build();
        var net = model("Tags", 8).task(ModelTask.MULTI_LABEL).field("res").subModel(block, true).build();
        assertFires(net, ID, Severity.ERROR, "res", "Residual", "'fc_softmax' (@Softmax) of Tail applies softmax to the output (8) of sub-model 'res'",
                "Fix: remove the softmax from Tail");
    }
}
