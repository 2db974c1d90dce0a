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
 * blocks"), on the WRN-16-4 of {@code examples/} (Zagoruyko &amp; Komodakis 2016): its blocks declare
 * {@code role = Model.Role.RESIDUAL_BLOCK}, so compiled together or each alone, the model and its
 * blocks get no Lamina diagnostic, under {@code -Xlint:all -Werror}; the same dropout in a model
 * that does not declare that role is still reported, alone and with a residual user.
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
    void eachBlockCompiledAloneGetsNoDiagnosticEither() throws IOException {
        for (JavaFileObject block : sources("WideEntry64.java", "WideBlock64.java", "WideDown128.java")) {
            Compilation compilation = compile(List.of("-Xlint:all", "-Werror"), block);
            assertThat(compilation).succeeded();
            assertLamina(compilation);
        }
    }

    /** The post-activation form (conv, BN, ReLU, dropout, conv, BN) declared a residual block: accepted too. */
    @Test
    void aPostActivationWideBlockIsAcceptedInsideAResidual() {
        JavaFileObject net = Javac.model("PostNet",
                "@Model(input = {3, 16, 16})",
                "public class PostNet {",
                "    @Conv(filters = 32, bias = false) @BatchNorm @ReLU Layer stem;",
                "    @Residual @ReLU PostBlock block1;",
                "    @Residual @ReLU PostBlock block2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        JavaFileObject declared = postBlock(", role = Model.Role.RESIDUAL_BLOCK");
        assertLamina(compile(declared, net));
        assertLamina(compile(declared));
        String[] asNetwork = {"WARNING 8:5 [lamina:DropoutBetweenConvs]", "WARNING 8:5 [lamina:DropoutBeforeBatchNorm]"};
        assertLamina(compile(postBlock("")), asNetwork);
        Compilation undeclared = compile(postBlock(""), net);
        assertLamina(undeclared, asNetwork[0], asNetwork[1], "WARNING 8:5 [lamina:SubModelRoleUndeclared]",
                "WARNING 9:5 [lamina:SubModelRoleUndeclared]");
        assertThat(undeclared).hadWarningContaining("Used here as the main path of a @Residual block, its output is "
                + "not a classifier's logits and its input is not the network's. Fix: declare @Model(input = "
                + "{32, 16, 16}, role = Model.Role.RESIDUAL_BLOCK) on PostBlock.");
    }

    private static JavaFileObject postBlock(String role) {
        return Javac.model("PostBlock",
                "@Model(input = {32, 16, 16}" + role + ")",
                "public class PostBlock {",
                "    @Conv(filters = 32, bias = false) @BatchNorm @ReLU Layer conv1;",
                "    @Dropout(rate = 0.3) Layer drop;",
                "    @Conv(filters = 32, bias = false) @BatchNorm Layer conv2;",
                "}");
    }
}
