package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class MultiUnitBinaryOutputTest {

    private static final String ID = "MultiUnitBinaryOutput";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.withFields("TwoLogits", "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 2) Layer out;"),
                    Diagnostic.Kind.ERROR, 4, 5,
                    "[lamina:MultiUnitBinaryOutput] layer 'out' (@Dense) is the last weighted layer",
                    "2 outputs (2)", "trains one logit", "leave task out")
                    .fixedBy("@Dense(units = 1), with no activation", JavacCase.withFields("TwoLogits",
                            "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) Layer out;")),
            JavacCase.clean(JavacCase.withFields("BinaryLogit", "{16}, task = Model.Task.BINARY",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 1) Layer out;")),
            // two outputs are the multi-class task's
            JavacCase.clean(JavacCase.vector("TwoClasses",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 2) Layer out;")));

    @Test
    void manyOutputsOnABinaryModelAreAnErrorWhoseFixSetsOneUnit() {
        var model = model(784).task(ModelTask.BINARY).field("fc1").dense(64).relu().field("out").dense(5).build();
        Fix fix = assertFires(model, ID, Severity.ERROR, "out", "Dense", "5 outputs (5)",
                "Model.Task.MULTI_LABEL", "Fix: @Dense(units = 1), with no activation.").fix();
        assertEquals("units", fix.target().origin().attribute());
        assertEquals("1", fix.target().replacement());
    }

    @Test
    void aConvLastSaysToEndInADenseOfOneUnit() {
        var model = model(3, 8, 8).task(ModelTask.BINARY).field("conv").conv(4, 3).relu()
                .field("gap").globalAvgPool().build();
        assertFires(model, ID, Severity.ERROR, "conv", "Conv", "4 outputs (4)",
                "Fix: end the model in @Dense(units = 1) with no activation, after 'conv' (@Conv).");
    }

    @Test
    void oneUnitOtherTasksAndBlocksAreFine() {
        assertSilent(model(784).task(ModelTask.BINARY).field("fc1").dense(64).relu().field("out").dense(1).build(), ID);
        assertSilent(model(784).field("fc1").dense(64).relu().field("out").dense(2).build(), ID);
        assertSilent(model(784).task(ModelTask.MULTI_LABEL).field("out").dense(5).build(), ID);
        assertSilent(model(784).task(ModelTask.REGRESSION).field("out").dense(5).build(), ID);
        assertSilent(model("Gate", 784).role(ModelRole.BLOCK).field("fc").dense(2).build(), ID);
    }
}
