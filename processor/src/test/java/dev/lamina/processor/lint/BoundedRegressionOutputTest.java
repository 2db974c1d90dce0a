package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class BoundedRegressionOutputTest {

    private static final String ID = "BoundedRegressionOutput";

    /** In javac (run by {@link LintCompilationTest}): models that trigger the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.withFields("Angle", "{16}, task = Model.Task.REGRESSION",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) @Sigmoid Layer angle;"),
                    Diagnostic.Kind.WARNING, 4, 23,
                    "[lamina:BoundedRegressionOutput] layer 'angle_sigmoid' (@Sigmoid on 'angle') bounds the output (1)",
                    "regression model (@Model(task = Model.Task.REGRESSION))", "(0, 1)", "can never be predicted")
                    .fixedBy("remove it", JavacCase.withFields("Angle", "{16}, task = Model.Task.REGRESSION",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) Layer angle;")),
            JavacCase.fires(JavacCase.withFields("Size", "{16}, task = Model.Task.REGRESSION",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 3, activation = Act.RELU) Layer size;"),
                    Diagnostic.Kind.WARNING, 4, 39,
                    "[lamina:BoundedRegressionOutput] layer 'size_relu' (activation = RELU on 'size')",
                    "at least 0", "normalized")
                    .fixedBy("remove it", JavacCase.withFields("Size", "{16}, task = Model.Task.REGRESSION",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 3) Layer size;")),
            // leaky ReLU is one-to-one: every value stays reachable
            JavacCase.clean(JavacCase.withFields("LeakyValue", "{16}, task = Model.Task.REGRESSION",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 1) @LeakyReLU Layer value;")));

    @Test
    void everyBoundingActivationIsReportedWithItsRange() {
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.RELU).build(), ID, Severity.WARNING, "out", "ReLU",
                "at least 0", "no gradient below it", "Fix: remove it; the last weighted layer's outputs are the"
                        + " predicted values.");
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.GELU).build(), ID, Severity.WARNING, "out", "GELU",
                "at least -0.17");
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.SIGMOID).build(), ID, Severity.WARNING, "out",
                "Sigmoid", "(0, 1)");
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.TANH).build(), ID, Severity.WARNING, "out", "Tanh",
                "(-1, 1)");
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.SOFTMAX).build(), ID, Severity.WARNING, "out",
                "Softmax", "makes the 2 values sum to 1");
        assertFires(TestModels.endingIn(ModelTask.REGRESSION, 1, ActivationFn.SOFTMAX).build(), ID, Severity.WARNING, "out",
                "Softmax", "the constant 1");
    }

    @Test
    void leakyReluAndHiddenActivationsAreFine() {
        assertSilent(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.LEAKY_RELU).build(), ID);
        assertSilent(model(784).task(ModelTask.REGRESSION).field("fc1").dense(64).act(ActivationFn.SIGMOID)
                .field("out").dense(2).build(), ID);
    }

    /** One finding per layer: a regression output is not logits, so the logit rules leave it to this one. */
    @Test
    void theLogitRulesDoNotReportARegressionOutput() {
        assertSilent(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.SIGMOID).build(), "ActivationOnLogits");
        assertSilent(TestModels.endingIn(ModelTask.REGRESSION, 2, ActivationFn.SOFTMAX).build(), "DoubleSoftmax");
        assertSilent(TestModels.endingIn(ModelTask.REGRESSION, 1, ActivationFn.SOFTMAX).build(), "SingleUnitSoftmaxOutput");
    }

    @Test
    void otherTasksAndBlocksAreNotThisRule() {
        assertSilent(TestModels.endingIn(ModelTask.MULTI_CLASS, 2, ActivationFn.SIGMOID).build(), ID);
        assertSilent(TestModels.endingIn(ModelTask.BINARY, 1, ActivationFn.SIGMOID).build(), ID);
        assertSilent(model("Block", 784).role(ModelRole.BLOCK).field("fc").dense(8).relu().build(), ID);
    }

    /** Across a boundary: the activation ends a plain head sub-model, reported on its field and declaration. */
    @Test
    void anActivationEndingAHeadSubModelIsReportedOnTheField() {
        var head = model("Head", 64).role(ModelRole.BLOCK).field("fc").dense(16).relu().field("out").dense(1)
                .act(ActivationFn.TANH).build();
        var net = model("Angle", 64).task(ModelTask.REGRESSION).field("head").subModel(head, false).build();
        assertFires(net, ID, Severity.WARNING, "head", null, "'out_tanh' (@Tanh on 'out') of Head in sub-model 'head'",
                "Fix: remove it in Head");
    }
}
