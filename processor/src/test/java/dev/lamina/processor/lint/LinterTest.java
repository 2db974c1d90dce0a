package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.lint;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.tensor.PaddingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {

    @Test
    void aResidualBlockIsOneLayerAndItsInsideIsLintedOnItsOwn() {
        var block = model("Block", 32, 28, 28)
                .field("c1").conv(32, 3, PaddingMode.SAME, false).relu()
                .field("drop").dropout(0.3)
                .field("c2").conv(32, 3, PaddingMode.SAME, false).relu()
                .build();
        var outer = model("Outer", 1, 28, 28)
                .field("stem").conv(32, 3).relu()
                .field("block1").subModel(block, true)
                .gapHead()
                .build();
        assertEquals(List.of(), lint(outer));
        assertEquals(List.of("DropoutBetweenConvs@drop"),
                lint(block).stream().map(f -> f.id() + "@" + f.origin().field()).toList());
    }

    @Test
    void findingsComeInFieldOrderWhateverTheRuleOrder() {
        var model = model(784)
                .field("drop0").dropout(0.5)
                .field("fc1").dense(128).relu().relu()
                .field("logits").dense(10).softmax()
                .build();
        List<Finding> findings = lint(model);
        assertEquals(List.of("InputDropoutHigh@drop0", "DuplicateActivation@fc1", "DoubleSoftmax@logits"),
                findings.stream().map(f -> f.id() + "@" + f.origin().field()).toList());
    }
}
