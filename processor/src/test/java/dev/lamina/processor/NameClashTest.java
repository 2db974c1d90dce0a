package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A generated Net names every type it refers to by its qualified name (issue 21, failure 18): a
 * user class in the model's package named like one of them ({@code String}, {@code Shape},
 * {@code Block}, {@code List}, ...) would otherwise be what the Net's simple names mean there,
 * and the Net would not compile; so would a model named {@code Override}.
 */
class NameClashTest {

    /** Every simple name a generated Net refers to, from the JDK, DJL and the runtime. */
    private static final List<String> CLASHING = List.of("String", "Override", "Object", "Class", "List",
            "ArrayList", "Generated", "Shape", "Block", "Linear", "Conv2d", "BatchNorm", "Activation",
            "LambdaBlock", "Pool", "Dropout", "NamedSequentialBlock", "ResidualBlock", "NetDescriptor",
            "LayerDescriptor", "OnnxRecipe", "LaminaNet", "SubModel");

    @Test
    void userClassesNamedLikeTheTypesTheNetUsesDoNotBreakIt() throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : CLASHING) {
            sources.add(JavaFileObjects.forSourceString("test." + name,
                    "package test;\n\npublic class " + name + " {}\n"));
        }
        sources.add(JavaFileObjects.forSourceString("other.Stage", "package other;\nimport dev.lamina.*;\n"
                + "@Model(input = {4, 8, 8})\npublic class Stage {\n"
                + "    @Conv(filters = 4, bias = false) @BatchNorm @ReLU Layer conv;\n}\n"));
        sources.add(JavaFileObjects.forSourceString("test.Clashing", "package test;\n\n"
                + "import dev.lamina.Conv;\nimport dev.lamina.Dense;\nimport dev.lamina.Flatten;\n"
                + "import dev.lamina.Model;\nimport dev.lamina.ReLU;\nimport dev.lamina.Residual;\n\n"
                + "@Model(input = {1, 8, 8})\npublic class Clashing {\n"
                + "    @Conv(filters = 4) @ReLU dev.lamina.Layer stem;\n"
                + "    @Residual other.Stage stage;\n"
                + "    @dev.lamina.SpatialDropout(rate = 0.2) dev.lamina.Layer drop;\n"
                + "    @Flatten dev.lamina.Layer flat;\n"
                + "    @Dense(units = 10) dev.lamina.Layer out;\n}\n"));
        Compilation compilation = Sources.compile(sources.toArray(JavaFileObject[]::new));

        assertThat(compilation).succeededWithoutWarnings();
        String net = compilation.generatedSourceFile("test.ClashingNet").orElseThrow()
                .getCharContent(true).toString();
        assertThat(net).doesNotContain("\nimport ");
        assertThat(net).contains("new ai.djl.ndarray.types.Shape(1, 1, 8, 8)");
    }

    @Test
    void aModelNamedOverrideGetsANetThatCompiles() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("Override",
                "@Model(input = {4})", "public class Override {", "    @Dense(units = 2) Layer out;", "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("test.OverrideNet").orElseThrow()
                .getCharContent(true).toString()).contains("@java.lang.Override");
    }
}
