package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import org.junit.jupiter.api.Test;

class MissingActivationTest {

    private static final String ID = "MissingActivation";

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
    void aSubModelEndsTheSearch() {
        var block = model("Block", 8, 8, 8).field("c1").conv(8, 3).relu().build();
        var model = model(1, 8, 8)
                .field("conv1").conv(8, 3)
                .field("block").subModel(block, true)
                .build();
        assertSilent(model, ID);
    }
}
