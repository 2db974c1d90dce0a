package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.findings;
import static dev.lamina.processor.lint.LintAssert.ids;
import static dev.lamina.processor.lint.LintAssert.lint;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.shape.ShapedModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Models from the seed articles Lamina's lints were founded on, translated to the DSL. */
class SeedModelsTest {

    /**
     * Seed article 001's Keras MNIST CNN: Conv2D(32, 3, relu), Conv2D(64, 3, relu),
     * MaxPooling2D(2), Dropout(0.25), Flatten, Dense(128, relu), Dropout(0.5),
     * Dense(10, softmax); Keras convolutions default to VALID padding.
     */
    static ShapedModel seed001Cnn() {
        return model("Seed001Cnn", 1, 28, 28)
                .field("conv1").convValid(32, 3).withActivation(ActivationFn.RELU)
                .field("conv2").convValid(64, 3).withActivation(ActivationFn.RELU)
                .field("pool1").maxPool(2)
                .field("drop1").dropout(0.25)
                .field("flatten").flatten()
                .field("fc1").dense(128).withActivation(ActivationFn.RELU)
                .field("drop2").dropout(0.5)
                .field("logits").dense(10).withActivation(ActivationFn.SOFTMAX)
                .build();
    }

    @Test
    void seed001CnnGetsExactlyThreeFindings() {
        ShapedModel model = seed001Cnn();
        assertEquals(Set.of("DropoutOnFeatureMaps", "LargeDenseHead", "DoubleSoftmax"), ids(model));
        List<Finding> all = lint(model);
        assertEquals(List.of("drop1", "fc1", "logits"), all.stream().map(f -> f.origin().field()).toList());
        assertTrue(all.get(0).message().contains("(64, 12, 12) feature map"), all.get(0)::render);
        assertTrue(all.get(1).message().contains("1,179,648 parameters (9,216 x 128)"), all.get(1)::render);
        assertEquals(Severity.NOTE, all.get(1).severity());
        assertEquals("activation", all.get(2).origin().attribute());
    }

    @Test
    void seed001CnnWithTheFixesAppliedIsClean() {
        var fixed = model("Seed001Fixed", 1, 28, 28)
                .field("conv1").convValid(32, 3).withActivation(ActivationFn.RELU)
                .field("conv2").convValid(64, 3).withActivation(ActivationFn.RELU)
                .field("pool1").maxPool(2)
                .field("drop1").spatialDropout(0.25)
                .field("gap").globalAvgPool()
                .field("fc1").dense(128).withActivation(ActivationFn.RELU)
                .field("drop2").dropout(0.5)
                .field("logits").dense(10)
                .build();
        assertEquals(List.of(), lint(fixed));
    }

    /**
     * Seed article 000's experiment: one CNN trained with element-wise dropout between its
     * convolutions at rates 0.1 to 0.5 (layer sizes here are Lamina's translation).
     */
    static ShapedModel seed000Cnn(double rate) {
        return model("Seed000Cnn", 1, 28, 28)
                .field("conv1").conv(32, 3).relu()
                .field("drop1").dropout(rate)
                .field("conv2").conv(64, 3).relu()
                .field("pool1").maxPool(2)
                .field("drop2").dropout(rate)
                .field("conv3").conv(128, 3).relu()
                .gapHead()
                .build();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.2, 0.3, 0.4, 0.5})
    void seed000CnnsWarnAboutDropoutBetweenConvsAndNeverAboutTheRate(double rate) {
        ShapedModel model = seed000Cnn(rate);
        assertEquals(Set.of("DropoutBetweenConvs"), ids(model));
        assertEquals(List.of("drop1", "drop2"),
                findings(model, "DropoutBetweenConvs").stream().map(f -> f.origin().field()).toList());
    }

    /** The model of docs/DSL.md: batch norm after biased convs gives notes only. */
    @Test
    void dslExampleGetsOnlyRedundantBiasNotes() {
        var model = model("FashionCnn", 1, 28, 28)
                .field("conv1").conv(32, 3).bn().relu()
                .field("conv2").conv(32, 3).bn().relu()
                .field("pool1").maxPool(2)
                .field("conv3").conv(64, 3).bn().relu()
                .field("gap").globalAvgPool()
                .field("fc1").dense(128).relu()
                .field("drop1").dropout(0.5)
                .field("logits").dense(10)
                .build();
        List<Finding> all = lint(model);
        assertEquals(Set.of("RedundantBias"), ids(model));
        assertEquals(List.of("conv1", "conv2", "conv3"), all.stream().map(f -> f.origin().field()).toList());
        assertTrue(all.stream().allMatch(f -> f.severity() == Severity.NOTE));
    }
}
