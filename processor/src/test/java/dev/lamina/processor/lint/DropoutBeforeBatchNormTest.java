package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class DropoutBeforeBatchNormTest {

    private static final String ID = "DropoutBeforeBatchNorm";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.vector("BeforeBn",
                            "    @Dense(units = 64) @ReLU Layer fc1;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc2;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:DropoutBeforeBatchNorm] layer 'drop' (@Dropout) comes before batch norm",
                    "variance shift", "after the last batch norm")
                    .fixedBy("move it after the last batch norm, just before 'logits' (@Dense)", JavacCase.vector("BeforeBn",
                            "    @Dense(units = 64) @ReLU Layer fc1;",
                            "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc2;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.vector("AfterBn",
                    "    @Dense(units = 64, bias = false) @BatchNorm @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @Dense(units = 10) Layer logits;")),
            // inside a residual main path, a dropout that feeds a batch norm directly: the full
            // variance shift of Li et al. (2019)
            JavacCase.fires(residualBlock("ConvDropBn",
                            "    @Conv(filters = 16, bias = false) Layer conv1;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @BatchNorm @ReLU Layer bn;",
                            "    @Conv(filters = 16, bias = false) Layer conv2;"),
                    Diagnostic.Kind.WARNING, 4, 5,
                    "[lamina:DropoutBeforeBatchNorm] layer 'drop' (@Dropout) comes before batch norm 'bn' (@BatchNorm)",
                    "Inside a residual block too")
                    .fixedBy("move it just before 'conv2' (@Conv), after the batch norm and its activation",
                            residualBlock("ConvDropBn",
                                    "    @Conv(filters = 16, bias = false) Layer conv1;",
                                    "    @BatchNorm @ReLU Layer bn;",
                                    "    @Dropout(rate = 0.3) Layer drop;",
                                    "    @Conv(filters = 16, bias = false) Layer conv2;")),
            // the official Wide ResNet block (Zagoruyko & Komodakis 2016): batch norm, ReLU, dropout, conv
            JavacCase.clean(residualBlock("WrnOrder",
                    "    @BatchNorm @ReLU Layer pre;",
                    "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer conv1;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @Conv(filters = 16, bias = false) Layer conv2;")));

    /** A declared residual main path on (16, 8, 8) with these fields (the first is body line 3). */
    private static javax.tools.JavaFileObject residualBlock(String name, String... fields) {
        return JavacCase.withFields(name, "{16, 8, 8}, role = Model.Role.RESIDUAL_BLOCK", fields);
    }

    @Test
    void dropoutWithABatchNormLaterIsReportedNamingTheBatchNorm() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .field("drop1").spatialDropout(0.1)
                .field("conv2").conv(64, 3).bn().relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "SpatialDropout",
                "comes before batch norm 'conv2_bn' (@BatchNorm on 'conv2')", "Li et al., CVPR 2019",
                "variance", "after the last batch norm");
    }

    @Test
    void batchNormInsideALaterSubModelCounts() {
        var block = model("ResBlock", 32, 28, 28)
                .field("c1").conv(32, 3).bn().relu()
                .build();
        var model = model(1, 28, 28)
                .field("stem").conv(32, 3).relu()
                .field("drop1").spatialDropout(0.1)
                .field("block1").subModel(block, true)
                .gapHead()
                .build();
        assertFires(model, ID, Severity.WARNING, "drop1", "SpatialDropout",
                "sub-model 'block1'", "contains a @BatchNorm");
    }

    @Test
    void dropoutAfterTheLastBatchNormIsFine() {
        var model = model(1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .field("gap").globalAvgPool()
                .field("fc1").dense(64).bn().relu()
                .field("drop1").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertSilent(model, ID);
    }
}
