package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layer descriptor of a generated Net ({@code descriptor()}): sub-models, residual projections
 * and bodies described where they are used, and a long model split over several methods.
 */
class DescriptorCodeTest {

    @Test
    void aResidualWithAProjectionDescribesItsSkipPathAndABodyGetsItsOwnMethod() throws IOException {
        Compilation compilation = Sources.compile(
                Sources.model("Down", "@Model", "public class Down {",
                        "    @Conv(filters = 8, stride = 2, bias = false) @BatchNorm @ReLU Layer a;", "}"),
                Sources.model("Res", "@Model(input = {4, 9, 9})", "public class Res {",
                        "    @Residual(projection = true) Down down;",
                        "    @GlobalAvgPool Layer gap;",
                        "    @Dense(units = 3) Layer logits;", "}"));
        assertThat(compilation).succeeded();
        String net = compilation.generatedSourceFile("test.ResNet").orElseThrow().getCharContent(true).toString();
        assertThat(net).contains("new dev.lamina.runtime.descriptor.LayerDescriptor.SubModel(\"down\", \"Residual(Down)\", \"test.Down\","
                + " new ai.djl.ndarray.types.Shape(4, 9, 9), new ai.djl.ndarray.types.Shape(8, 5, 5)");
        assertThat(net).contains("downFor4x9x9Layers(), true, java.util.List.of(");
        assertThat(net).contains("new dev.lamina.runtime.descriptor.LayerDescriptor.Layer(\"conv\", \"Conv\", dev.lamina.runtime.descriptor.LayerDescriptor.attributes(\"filters\", 8,"
                + " \"kernel\", 1, \"stride\", 2, \"padding\", \"VALID\", \"dilation\", 1, \"bias\", false)");
        assertThat(net).contains("private static java.util.List<dev.lamina.runtime.descriptor.LayerDescriptor> downFor4x9x9Layers(");
    }

    @Test
    void aLongModelIsDescribedSixteenLayersPerMethod() throws IOException {
        List<String> lines = new ArrayList<>(List.of("@Model(input = {64})", "public class Deep {"));
        for (int i = 0; i < 40; i++) {
            lines.add("    @Dense(units = 64) @ReLU Layer d" + i + ";"); // 80 layers
        }
        lines.add("    @Dense(units = 4) Layer logits;");
        lines.add("}");
        Compilation compilation = Sources.compile(Sources.model("Deep", lines.toArray(String[]::new)));
        assertThat(compilation).succeeded();
        String net = compilation.generatedSourceFile("test.DeepNet").orElseThrow().getCharContent(true).toString();
        for (int part = 1; part <= 6; part++) { // 81 layers: 5 methods of 16 and one of 1
            assertThat(net).containsMatch("private static void layers_part" + part
                    + "\\(\\s*java\\.util\\.List<dev\\.lamina\\.runtime\\.descriptor\\.LayerDescriptor> layers\\)");
            assertThat(net).contains("    layers_part" + part + "(layers);");
        }
        assertThat(net).doesNotContain("layers_part7");
    }

    @Test
    void theDescriptorRecordsTheDeclaredTaskAndMultiClassWhenLeftOut() throws IOException {
        Compilation compilation = Sources.compile(
                Sources.model("Tagger", "@Model(input = {16}, task = Model.Task.MULTI_LABEL)", "public class Tagger {",
                        "    @Dense(units = 3) Layer logits;", "}"),
                Sources.model("Classes", "@Model(input = {16})", "public class Classes {",
                        "    @Dense(units = 3) Layer logits;", "}"));
        assertThat(compilation).succeeded();
        assertThat(compilation.generatedSourceFile("test.TaggerNet").orElseThrow().getCharContent(true).toString())
                .contains("NetDescriptor(\"Tagger\", dev.lamina.Model.Task.MULTI_LABEL, ");
        assertThat(compilation.generatedSourceFile("test.ClassesNet").orElseThrow().getCharContent(true).toString())
                .contains("NetDescriptor(\"Classes\", dev.lamina.Model.Task.MULTI_CLASS, ");
    }
}
