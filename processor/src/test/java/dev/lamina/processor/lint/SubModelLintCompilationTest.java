package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Model} with a vector output that another model of the compilation uses as a field
 * type is a building block, not a classifier: the rules about logits (ActivationOnLogits,
 * DropoutOnOutput, DoubleSoftmax) leave its output alone, even under {@code -Alamina.lint=error}.
 * (Used twice in a row, its trailing dropout would meet the next copy's batch norm: that is
 * DropoutBeforeBatchNorm across the boundary, see WholeNetworkTest.)
 */
class SubModelLintCompilationTest {

    /** An MLP building block ending in an activation and a dropout, as blocks do. */
    private static JavaFileObject block() {
        return model("Block",
                "@Model(input = {64})",
                "public class Block {",
                "    @Dense(units = 64, bias = false) @BatchNorm @ReLU Layer fc;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "}");
    }

    private static JavaFileObject user() {
        return model("Mlp",
                "@Model(input = {64})",
                "public class Mlp {",
                "    Block block1;",
                "    @Dense(units = 10) Layer logits;",
                "}");
    }

    @Test
    void aVectorBlockUsedByAnotherModelIsNotLintedAsAClassifier() {
        Compilation compilation = compile(List.of("-Alamina.lint=error"), block(), user());
        assertThat(compilation).succeeded();
        assertLamina(compilation);
        assertThat(compilation).generatedSourceFile("test.BlockNet");
        assertThat(compilation).generatedSourceFile("test.MlpNet");
    }

    @Test
    void theSameBlockCompiledAloneIsLintedAsAClassifier() {
        Compilation compilation = compile(block());
        assertThat(compilation).succeeded();
        assertLamina(compilation,
                "WARNING " + (HEADER + 3) + ":49 [lamina:ActivationOnLogits]",
                "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutOnOutput]");
    }
}
