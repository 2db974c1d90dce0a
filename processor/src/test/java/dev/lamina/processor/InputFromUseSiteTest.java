package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Model} without {@code input} takes its input shape from each field that uses it: it is
 * shaped, checked and built there, with what that field receives, and has no Net of its own. One
 * body then serves 28x28x1 and 32x32x3 images, as the experiment's Fashion and CIFAR families do.
 */
class InputFromUseSiteTest {

    /** conv 3x3 (4 filters) + ReLU, global average pool, dense 2: its parameters depend on C. */
    private static final JavaFileObject BODY = Sources.model("Body",
            "@Model",
            "public class Body {",
            "    @Conv(filters = 4) @ReLU Layer conv;",
            "    @GlobalAvgPool Layer gap;",
            "    @Dense(units = 2) Layer logits;",
            "}");

    private static JavaFileObject user(String name, String input) {
        return Sources.model(name,
                "@Model(input = " + input + ")",
                "public class " + name + " {",
                "    Body body;",
                "}");
    }

    private static String source(Compilation compilation, String name) throws IOException {
        return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    }

    @Test
    void oneBodyServesTwoInputsEachShapedCountedAndBuiltWhereItIsUsed() throws IOException {
        Compilation compilation = Sources.compile(BODY, user("Gray", "{1, 28, 28}"), user("Color", "{3, 32, 32}"));
        assertThat(compilation).succeededWithoutWarnings();
        // conv: 3*3*C*4 + 4; dense: 4*2 + 2
        String gray = source(compilation, "test.GrayNet");
        String color = source(compilation, "test.ColorNet");
        assertThat(gray).contains("return " + (3 * 3 * 1 * 4 + 4 + 10) + "L");
        assertThat(color).contains("return " + (3 * 3 * 3 * 4 + 4 + 10) + "L");
        assertThat(gray).containsMatch("body \\(Body\\) +\\(2\\) +50\\n");
        // built by a private method of each Net, with the same layer names as a Net of its own would give
        assertThat(gray).contains("block.add(\"body\", bodyFor1x28x28());");
        assertThat(gray).contains("private static Block bodyFor1x28x28() {");
        assertThat(gray).contains("block.add(\"conv\", Conv2d.builder()");
        assertThat(color).contains("block.add(\"body\", bodyFor3x32x32());");
        assertEquals(Set.of("GrayNet.java", "ColorNet.java"),
                Sources.generatedFileNames(BODY, user("Gray", "{1, 28, 28}"), user("Color", "{3, 32, 32}")),
                "no BodyNet: a body has no input to be built for on its own");
    }

    @Test
    void aUseSiteTheBodyCannotTakeIsAnErrorThereAndOnTheLayerAtFaultEachNamingTheOther() throws IOException {
        JavaFileObject vectors = user("Vectors", "{16}");
        JavaFileObject images = user("Images", "{1, 8, 8}");
        Compilation compilation = Sources.compile(BODY, vectors, images);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(2);
        String message = "[lamina:SubModelRejectsInput] layer 'body' of Vectors (field of type Body): sub-model "
                + "Body takes its input from where it is used and cannot take the (16) it receives here: "
                + "[lamina:SpatialLayerOnVector] layer 'conv' (@Conv): receives a vector (16)";
        assertThat(compilation).hadErrorContaining(message).inFile(vectors).onLineContaining("Body body;");
        assertThat(compilation).hadErrorContaining(message).inFile(BODY).onLineContaining("Layer conv;");
        assertThat(compilation).hadErrorContaining("Fix: change the layers before 'body' in Vectors so they give "
                + "Body an input it can take, or change Body where the error is");
        // the other use site is fine, and gets its Net
        assertEquals(Set.of("ImagesNet.java"), Sources.generatedFileNames(BODY, vectors, images));
    }

    @Test
    void twoUseSitesTheBodyCannotTakeAreTwoErrorsOnTheLayerAtFault() {
        JavaFileObject a = user("A", "{16}");
        JavaFileObject b = user("B", "{32}");
        Compilation compilation = Sources.compile(BODY, a, b);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("layer 'body' of A (field of type Body)").inFile(BODY)
                .onLineContaining("Layer conv;");
        assertThat(compilation).hadErrorContaining("layer 'body' of B (field of type Body)").inFile(BODY)
                .onLineContaining("Layer conv;");
    }

    @Test
    void aNestedBodyIsBuiltWithTheChannelsItReceivesAndItsErrorLandsOnTheInnermostLayer() throws IOException {
        JavaFileObject inner = Sources.model("Separable", "@Model", "public class Separable {",
                "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw;",
                "    @Conv(filters = 8, kernel = 1, bias = false) @BatchNorm @ReLU Layer pw;", "}");
        JavaFileObject outer = Sources.model("Stage", "@Model", "public class Stage {",
                "    Separable first;", "    @MaxPool(2) Layer pool;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {3, 16, 16})", "public class Net {",
                "    Stage stage;", "    @GlobalAvgPool Layer gap;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compile(inner, outer, net);
        assertThat(compilation).succeededWithoutWarnings();
        String code = source(compilation, "test.NetNet");
        assertThat(code).contains("block.add(\"stage\", stageFor3x16x16());");
        assertThat(code).contains("block.add(\"first\", separableFor3x16x16());");
        assertThat(code).contains(".setFilters(3).optGroups(3).optBias(false).build()");

        JavaFileObject vector = Sources.model("Flat", "@Model(input = {48})", "public class Flat {",
                "    Stage stage;", "}");
        Compilation failed = Sources.compile(inner, outer, vector);
        assertThat(failed).hadErrorCount(2);
        assertThat(failed).hadErrorContaining("[lamina:SubModelRejectsInput] layer 'stage' of Flat (field of type "
                + "Stage): sub-model Stage takes its input from where it is used and cannot take the (48) it receives "
                + "here: [lamina:SubModelRejectsInput] layer 'first' of Stage (field of type Separable)")
                .inFile(inner).onLineContaining("Layer dw;");
        assertThat(failed).hadErrorContaining("[lamina:SpatialLayerOnVector] layer 'dw' (@DepthwiseConv)")
                .inFile(vector).onLineContaining("Stage stage;");
    }

    @Test
    void aLintOfTheBodyIsReportedOnceWhereItIsDeclaredNotAtEachUse() {
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {",
                "    @Conv(filters = 8) @ReLU Layer conv1;",
                "    @Dropout(rate = 0.2) Layer drop;",
                "    @Conv(filters = 8) @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;", "}");
        JavaFileObject gray = Sources.model("Gray", "@Model(input = {1, 28, 28})", "public class Gray {",
                "    Body body;", "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject color = Sources.model("Color", "@Model(input = {3, 32, 32})", "public class Color {",
                "    Body body;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compiler().withOptions("-Xlint:all").compile(body, gray, color);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[lamina:DropoutBetweenConvs] layer 'drop'").inFile(body)
                .onLineContaining("Layer drop;");
        long dropoutBetweenConvs = compilation.warnings().stream()
                .filter(d -> d.getMessage(null).contains("[lamina:DropoutBetweenConvs]")).count();
        assertEquals(1, dropoutBetweenConvs, "once, on the body, though two models use it");
    }

    @Test
    void aBodyNoModelUsesGetsANoteSayingItHasNoNet() {
        Compilation compilation = Sources.compile(BODY);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining("[lamina:InputFromUseSiteUnused] model 'Body' (@Model): declares no "
                + "input, so it takes its input shape from each model that uses it as a field").inFile(BODY)
                .onLineContaining("@Model");
    }

    @Test
    void anAttributeErrorOfTheBodyIsReportedOnItAndOnEachUseWhateverItsInput() {
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {",
                "    @Conv(filters = 0) Layer conv;", "}");
        JavaFileObject net = user("Net", "{1, 8, 8}");
        Compilation compilation = Sources.compile(body, net);
        assertThat(compilation).hadErrorContaining("[lamina:AttributeOutOfRange] layer 'conv' (@Conv): filters = 0")
                .inFile(body).onLineContaining("Layer conv;");
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'body' (field of type Body): "
                + "sub-model Body is impossible whatever its input: [lamina:AttributeOutOfRange]")
                .inFile(net).onLineContaining("Body body;");
    }
}
