package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Lamina's position on dropout inside residual blocks (docs/lints.md, "Dropout inside residual
 * blocks"), on the WRN-16-4 of {@code examples/} (Zagoruyko &amp; Komodakis 2016): compiled together,
 * the model and its blocks get no Lamina diagnostic, under {@code -Xlint:all -Werror}; the same
 * dropout in a model that is not a residual block is still reported.
 */
class WideResNetExampleTest {

    private static final Path WRN = Path.of("..", "examples", "src", "main", "java", "dev", "lamina", "examples",
            "models", "cifar", "wrn");

    private static JavaFileObject[] sources(String... only) throws IOException {
        try (Stream<Path> files = Files.list(WRN)) {
            List<JavaFileObject> sources = files
                    .filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .filter(f -> only.length == 0 || List.of(only).contains(f.getFileName().toString()))
                    .sorted()
                    .map(f -> {
                        try {
                            return JavaFileObjects.forSourceString(
                                    "dev.lamina.examples.models.cifar.wrn." + f.getFileName().toString().replace(".java", ""),
                                    Files.readString(f));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            return sources.toArray(JavaFileObject[]::new);
        }
    }

    @Test
    void wrn16x4WithDropoutInEveryBlockCompilesWithoutAnyLaminaDiagnostic() throws IOException {
        JavaFileObject[] sources = sources();
        Compilation compilation = compile(List.of("-Xlint:all", "-Werror"), sources);
        assertThat(compilation).succeeded();
        assertLamina(compilation);
        assertThat(compilation).generatedSourceFile("dev.lamina.examples.models.cifar.wrn.WideResNet16x4Net");
    }

    @Test
    void theSameBlockCompiledWithoutAResidualUserIsLintedAsAPlainModel() throws IOException {
        JavaFileObject[] sources = sources("WideBlock64.java");
        Compilation compilation = compile(sources);
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 21:5 [lamina:DropoutBetweenConvs]");
    }

    /** The post-activation form (conv, BN, ReLU, dropout, conv, BN) inside @Residual: accepted too. */
    @Test
    void aPostActivationWideBlockIsAcceptedInsideAResidual() {
        JavaFileObject block = Javac.model("PostBlock",
                "@Model(input = {32, 16, 16})",
                "public class PostBlock {",
                "    @Conv(filters = 32, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Dropout(rate = 0.3) Layer drop;",
                "    @Conv(filters = 32, bias = false) @BatchNorm Layer conv2;",
                "}");
        JavaFileObject net = Javac.model("PostNet",
                "@Model(input = {3, 16, 16})",
                "public class PostNet {",
                "    @Conv(filters = 32, bias = false) @BatchNorm @ReLU Layer stem;",
                "    @Residual @ReLU PostBlock block1;",
                "    @Residual @ReLU PostBlock block2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        Compilation compilation = compile(block, net);
        assertThat(compilation).succeeded();
        assertLamina(compilation);
        Compilation alone = compile(block);
        assertLamina(alone, "WARNING 8:5 [lamina:DropoutBetweenConvs]", "WARNING 8:5 [lamina:DropoutBeforeBatchNorm]");
    }
}
