package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.LintAssert.findings;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class SingleUnitSoftmaxOutputTest {

    private static final String ID = "SingleUnitSoftmaxOutput";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("OneUnit",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) Layer out;"),
                    Diagnostic.Kind.ERROR, 4, 5,
                    "[lamina:SingleUnitSoftmaxOutput] layer 'out' (@Dense) is the last weighted layer",
                    "single output (1)", "the loss is identically 0", "task = Model.Task.BINARY")
                    .fixedBy("declare the binary task, @Model(..., task = Model.Task.BINARY)",
                            JavacCase.withFields("OneUnit", "{16}, task = Model.Task.BINARY",
                                    "    @Dense(units = 32) @ReLU Layer fc;",
                                    "    @Dense(units = 1) Layer out;")),
            JavacCase.clean(JavacCase.vector("TwoUnits",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 2) Layer out;")),
            // the same one unit, declared binary: one logit is what the binary task trains
            JavacCase.clean(JavacCase.withFields("OneLogit", "{16}, task = Model.Task.BINARY",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 1) Layer out;")));

    @Test
    void aOneUnitClassifierIsAnErrorOnItsLastDense() {
        var model = model(784).field("fc1").dense(64).relu().field("out").dense(1).build();
        assertFires(model, ID, Severity.ERROR, "out", "Dense", "single output (1)",
                "softmax over a single output is always 1", "never learns", "Fix: declare the binary task,"
                + " @Model(..., task = Model.Task.BINARY), and keep the one output with no activation");
    }

    @Test
    void theKerasSigmoidIdiomGetsBothMessagesAndBothSayWhatToUse() {
        var model = model(784).field("fc1").dense(64).relu().field("out").dense(1).act(ActivationFn.SIGMOID).build();
        assertFires(model, ID, Severity.ERROR, "out", "Dense");
        var activation = findings(model, "ActivationOnLogits");
        assertEquals(1, activation.size());
        assertTrue(activation.get(0).message().contains("Dense(1, activation='sigmoid')"), activation.get(0)::render);
        assertTrue(activation.get(0).message().contains("remove it and declare the binary task, @Model(..., task ="),
                activation.get(0)::render);
    }

    @Test
    void aOneUnitSoftmaxSaysRemovingTheSoftmaxIsNotEnough() {
        var model = model(784).field("fc1").dense(64).relu().field("out").dense(1).softmax().build();
        var softmax = findings(model, "DoubleSoftmax");
        assertEquals(1, softmax.size());
        assertTrue(softmax.get(0).message().contains("Over a single output softmax is always 1"), softmax.get(0)::render);
        assertTrue(softmax.get(0).message().contains("Fix: remove the softmax and declare the binary task"),
                softmax.get(0)::render);
    }

    /** Across a boundary: the classifier's last weighted layer is a head sub-model with one output. */
    @Test
    void aClassifierEndingInAOneUnitHeadSubModelIsReportedOnTheField() {
        var head = model("Head", 64).field("fc").dense(16).relu().field("out").dense(1).build();
        var model = model("Net", 64).field("head").subModel(head, false).build();
        assertFires(model, ID, Severity.ERROR, "head", null, "'out' (@Dense) of Head in sub-model 'head' is the last weighted layer",
                "Fix: declare the binary task, @Model(..., task = Model.Task.BINARY)");
    }

    /** The Fix is carried out on the model's {@code @Model}: its task, set to the binary task. */
    @Test
    void theFixSetsTheModelsTaskToBinary() {
        var model = model(784).field("fc1").dense(64).relu().field("out").dense(1).build();
        Fix fix = assertFires(model, ID, Severity.ERROR, "out", "Dense").fix();
        assertEquals(Origin.ofModel("task"), fix.target().origin());
        assertEquals("Model.Task.BINARY", fix.target().replacement());
        assertEquals("test.TestModel", fix.target().model());
    }

    /** Only the multi-class task trains softmax over the outputs; one unit is what the others may have. */
    @Test
    void oneOutputOfABinaryMultiLabelOrRegressionModelIsFine() {
        for (ModelTask task : List.of(ModelTask.BINARY, ModelTask.MULTI_LABEL, ModelTask.REGRESSION)) {
            assertSilent(model(784).field("fc1").dense(64).relu().field("out").dense(1).task(task).build(), ID);
        }
    }

    @Test
    void twoOrMoreOutputsAreFine() {
        assertSilent(model(784).field("fc1").dense(64).relu().field("out").dense(2).build(), ID);
        assertSilent(TestModels.mlp(0.5), ID);
    }

    @Test
    void aOneUnitBlockUsedByAnotherModelIsNotAClassifier() {
        var block = model("Gate", 784).field("fc").dense(1).build();
        assertEquals(List.of(), new Linter(LintConfig.defaults()).lint(block, dev.lamina.processor.model.ModelRole.BLOCK).stream()
                .filter(f -> f.id().equals(ID)).toList());
    }

    @Test
    void aFeatureMapOutputIsNotAClassifier() {
        assertSilent(model(3, 8, 8).field("conv").conv(1, 3).build(), ID);
    }
}
