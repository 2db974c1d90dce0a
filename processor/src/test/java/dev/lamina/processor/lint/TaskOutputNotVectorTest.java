package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ModelTask;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class TaskOutputNotVectorTest {

    private static final String ID = "TaskOutputNotVector";

    /** In javac (run by {@link LintCompilationTest}): models that trigger the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.withFields("Heatmap", "{1, 28, 28}, task = Model.Task.REGRESSION",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @Conv(filters = 1) @ReLU Layer conv2;"),
                    Diagnostic.Kind.ERROR, 4, 5,
                    "[lamina:TaskOutputNotVector] layer 'conv2' (@Conv), the last weighted layer, gives this regression"
                            + " model (@Model(task = Model.Task.REGRESSION)) the output (1, 28, 28)",
                    "a (C, H, W) feature map", "one value per target")
                    .fixedBy("end the model in @GlobalAvgPool and @Dense(units = <number of values>) with no activation.",
                            JavacCase.withFields("Heatmap", "{1, 28, 28}, task = Model.Task.REGRESSION",
                                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                                    "    @Conv(filters = 1) @ReLU Layer conv2;",
                                    "    @GlobalAvgPool Layer gap;",
                                    "    @Dense(units = 1) Layer value;")),
            // no activation after the last conv: the Fix adds one, or MissingActivation would follow
            JavacCase.fires(JavacCase.withFields("Mask", "{1, 28, 28}, task = Model.Task.BINARY",
                            "    @Conv(filters = 8, bias = false) @BatchNorm Layer conv;"),
                    Diagnostic.Kind.ERROR, 3, 5,
                    "[lamina:TaskOutputNotVector] layer 'conv' (@Conv), the last weighted layer, gives this binary model",
                    "one logit, the positive class's")
                    .fixedBy("end the model in @ReLU, @GlobalAvgPool and @Dense(units = 1) with no activation.",
                            JavacCase.withFields("Mask", "{1, 28, 28}, task = Model.Task.BINARY",
                                    "    @Conv(filters = 8, bias = false) @BatchNorm Layer conv;",
                                    "    @ReLU Layer relu;",
                                    "    @GlobalAvgPool Layer gap;",
                                    "    @Dense(units = 1) Layer out;")),
            // a multi-class network (the default task) that ends in a feature map keeps its behaviour
            JavacCase.clean(JavacCase.image("Maps",
                    "    @Conv(filters = 8) @ReLU Layer conv;")));

    @Test
    void aMultiLabelFeatureMapOutputNamesTheLabels() {
        var model = model(3, 8, 8).task(ModelTask.MULTI_LABEL).field("conv").conv(4, 3).relu().build();
        assertFires(model, ID, Severity.ERROR, "conv", "Conv", "multi-label model", "the output (4, 8, 8)",
                "one logit per label", "Fix: end the model in @GlobalAvgPool and @Dense(units = <number of labels>)");
    }

    @Test
    void aModelWithoutWeightedLayersIsReportedOnItsLastLayer() {
        var model = model(3, 8, 8).task(ModelTask.BINARY).field("pool").maxPool(2).build();
        assertFires(model, ID, Severity.ERROR, "pool", "MaxPool", "'pool' (@MaxPool), the last layer,",
                "Fix: end the model in @GlobalAvgPool and @Dense(units = 1)");
    }

    @Test
    void vectorOutputsTheDefaultTaskAndBlocksAreNotThisRule() {
        assertSilent(model(3, 8, 8).task(ModelTask.BINARY).field("conv").conv(4, 3).relu()
                .field("gap").globalAvgPool().field("out").dense(1).build(), ID);
        assertSilent(model(3, 8, 8).field("conv").conv(4, 3).relu().build(), ID);
        assertSilent(model("Stem", 3, 8, 8).role(dev.lamina.processor.model.ModelRole.BLOCK).task(ModelTask.BINARY)
                .field("conv").conv(4, 3).relu().build(), ID);
    }
}
