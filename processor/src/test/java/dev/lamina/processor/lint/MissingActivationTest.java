package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class MissingActivationTest {

    private static final String ID = "MissingActivation";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.CLEAN_MLP,
            JavacCase.fires(JavacCase.vector("Linear",
                            "    @Dense(units = 32) Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 3, 5,
                    "[lamina:MissingActivation] layer 'fc' (@Dense) is followed by 'logits' (@Dense) directly",
                    "no expressive power", "add an activation after 'fc'")
                    .fixedBy("add an activation after 'fc', e.g. @Dense(...) @ReLU", JavacCase.vector("Linear",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")));

    @Test
    void twoDenseLayersWithOnlyLinearOpsBetweenAreReportedOnTheFirst() {
        var model = model(784)
                .field("fc1").dense(128).bn()
                .field("drop1").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "fc1", "Dense",
                "'fc1' (@Dense) is followed by 'logits' (@Dense)", "with only @BatchNorm, @Dropout between",
                "compose into one linear layer", "add an activation after 'fc1'");
    }

    @Test
    void convThenFlattenThenDenseWithoutActivationIsReported() {
        var model = model(1, 8, 8)
                .field("conv1").conv(4, 3)
                .field("pool").avgPool(2)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.WARNING, "conv1", "Conv", "@AvgPool, @Flatten");
    }

    @Test
    void maxPoolingOrAnActivationBetweenIsANonlinearity() {
        var pooled = model(1, 8, 8)
                .field("conv1").conv(4, 3)
                .field("pool").maxPool(2)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertSilent(pooled, ID);
        var activated = model(784)
                .field("fc1").dense(128).bn().relu()
                .field("logits").dense(10)
                .build();
        assertSilent(activated, ID);
    }

    @Test
    void aResidualBlockEndsTheSearch() {
        var block = model("Block", 8, 8, 8).field("c1").conv(8, 3).bn().build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3)
                .field("block").subModel(block, true)
                .field("conv2").conv(8, 3).relu()
                .build();
        assertSilent(model, ID);
    }

    @Test
    void aPlainSubModelThatStartsWithAConvIsSeenThrough() {
        var block = model("Block", 8, 8, 8).field("c1").conv(8, 3).bn().relu().build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3).bn()
                .field("block").subModel(block, false)
                .build();
        assertFires(model, ID, Severity.WARNING, "conv1", "Conv",
                "'conv1' (@Conv) is followed by 'c1' (@Conv) of Block in sub-model 'block'",
                "with only @BatchNorm between");
    }

    @Test
    void aPlainSubModelThatEndsWithoutActivationIsReportedOnItsField() {
        var block = model("Block", 1, 8, 8).field("c1").conv(8, 3).bn().build();
        var model = model(1, 8, 8)
                .field("block").subModel(block, false)
                .field("conv2").conv(8, 3).relu()
                .build();
        assertFires(model, ID, Severity.WARNING, "block", null,
                "'c1' (@Conv) of Block in sub-model 'block' is followed by 'conv2' (@Conv)",
                "Fix: add an activation after 'c1' in Block, e.g. @Conv(...) @BatchNorm @ReLU");
    }

    @Test
    void aPlainSubModelThatStartsWithAnActivationIsANonlinearity() {
        var block = model("Block", 8, 8, 8).field("a").relu().field("c1").conv(8, 3).build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3)
                .field("block").subModel(block, false)
                .build();
        assertSilent(model, ID);
    }
}
