package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
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
        // the body's row sums its layers: conv 4*28*28 outputs of 3*3*1 products = 28,224 MACs, dense 4*2 = 8;
        // activations conv 3,136 + ReLU 3,136 + pool 4 + dense 2 = 6,278 * 4 B * 32 = 784.75 KiB
        assertThat(gray).containsMatch("body \\(Body\\) +\\(2\\) +50 +200 B +28\\.23K +784\\.75 KiB +1\\.53 MiB\\n");
        // the body has no Net, so no summary of its own: its layers are listed under it, at this input
        assertThat(gray).containsMatch(" {2}conv \\(Conv\\) +\\(4, 28, 28\\) +40 +160 B +28\\.22K +392\\.00 KiB +784\\.00 KiB\\n");
        // at (3, 32, 32): 4*32*32 outputs of 3*3*3 products = 110,592
        assertThat(color).containsMatch(" {2}conv \\(Conv\\) +\\(4, 32, 32\\) +112 +448 B +110\\.59K +512\\.00 KiB +1\\.00 MiB\\n");
        assertThat(gray).contains("Total params: 50\n");
        // built by a private method of each Net, with the same layer names as a Net of its own would give
        assertThat(gray).contains("block.add(\"body\", bodyFor1x28x28());");
        assertThat(gray).contains("private static ai.djl.nn.Block bodyFor1x28x28() {");
        assertThat(gray).contains("block.add(\"conv\", ai.djl.nn.convolutional.Conv2d.builder()");
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

    /** conv, element-wise dropout, conv: a DropoutBetweenConvs warning whose text needs shapes. */
    private static final JavaFileObject DROPOUT_BODY = Sources.model("Body", "@Model", "public class Body {",
            "    @Conv(filters = 8) @ReLU Layer conv1;",
            "    @Dropout(rate = 0.2) Layer drop;",
            "    @Conv(filters = 8) @ReLU Layer conv2;", "}");

    private static long count(Compilation compilation, String text) {
        return compilation.diagnostics().stream().filter(d -> d.getMessage(null).contains(text)).count();
    }

    /** Generates {@code test.Gen} in the first round, so a model that uses {@code Gen.N} waits a round. */
    static final class GeneratesAConstant extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer w = processingEnv.getFiler().createSourceFile("test.Gen").openWriter()) {
                    w.write("package test; public class Gen { public static final int N = 10; }");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    @Test
    void aModelOfALaterRoundLintsTheBodyOnItAndNoUnusedNoteComes() {
        JavaFileObject net = Sources.model("Net", "@Model(input = {1, 8, 8})", "public class Net {",
                "    Body body;", "    @GlobalAvgPool Layer gap;", "    @Dense(units = Gen.N) Layer logits;", "}");
        Compilation compilation = Compiler.javac().withProcessors(new GeneratesAConstant(), new LaminaProcessor())
                .withOptions("-Xlint:all").compile(DROPOUT_BODY, net);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[lamina:DropoutBetweenConvs] layer 'drop'").inFile(DROPOUT_BODY)
                .onLineContaining("Layer drop;");
        assertEquals(0, count(compilation, "InputFromUseSiteUnused"), "Net, of round 2, uses Body");

        JavaFileObject vectors = Sources.model("Net", "@Model(input = {16})", "public class Net {",
                "    Body body;", "    @Dense(units = Gen.N) Layer logits;", "}");
        Compilation failed = Compiler.javac().withProcessors(new GeneratesAConstant(), new LaminaProcessor())
                .compile(DROPOUT_BODY, vectors);
        assertThat(failed).hadErrorContaining("[lamina:SubModelRejectsInput] layer 'body' of Net").inFile(DROPOUT_BODY)
                .onLineContaining("Layer conv1;");
    }

    /** A body's field that uses a model with input and no role, which it treats as a block: told on the body. */
    @Test
    void aBodysFieldOfAnUndeclaredNetworkIsToldTheRoleOnTheBody() {
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {", "    Head head;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {64})", "public class Net {",
                "    Body body1;", "    Body body2;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation undeclared = Sources.compile(body, head(""), net);
        assertThat(undeclared).hadWarningContaining("[lamina:SubModelRoleUndeclared] layer 'head' (field of type "
                + "Head): sub-model Head declares @Model(input = {64}) and no role").inFile(body)
                .onLineContaining("Head head;");
        assertEquals(1, count(undeclared, "[lamina:SubModelRoleUndeclared]"), "once, on the body, for two uses");
        assertEquals(1, undeclared.diagnostics().stream()
                .filter(d -> d.getMessage(null).startsWith("[lamina:DropoutOnOutput]")).count(),
                "on Head itself, as a network");
        Compilation declared = Sources.compile(body, head(", role = Model.Role.BLOCK"), net);
        assertThat(declared).succeededWithoutWarnings();
    }

    private static JavaFileObject head(String role) {
        return Sources.model("Head", "@Model(input = {64}" + role + ")", "public class Head {",
                "    @Dense(units = 64) @ReLU Layer fc;", "    @Dropout(rate = 0.2) Layer drop;", "}");
    }

    @Test
    void aBodyCompiledElsewhereHasItsOwnLintsReportedOnTheFieldThatShapesIt() throws IOException {
        Compilation library = Sources.compiler().withOptions("-Xlint:all").compile(DROPOUT_BODY);
        assertThat(library).succeededWithoutWarnings(); // nothing shapes it there: only the unused note
        Path classes = Files.createTempDirectory("lamina-body-jar");
        for (JavaFileObject file : library.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path out = classes.resolve(file.getName().replaceFirst("^/CLASS_OUTPUT/", ""));
                Files.createDirectories(out.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, out);
                }
            }
        }
        List<File> classpath = new ArrayList<>(List.of(classes.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        JavaFileObject net = Sources.model("Net", "@Model(input = {1, 8, 8})", "public class Net {",
                "    Body body;", "    @GlobalAvgPool Layer gap;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor()).withOptions("-Xlint:all")
                .withClasspath(classpath).compile(net);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[lamina:DropoutBetweenConvs] in sub-model Body (field 'body', "
                + "fed (1, 8, 8); Body is compiled elsewhere, so its own findings for this input are reported here): "
                + "layer 'drop' (@Dropout)").inFile(net).onLineContaining("Body body;");
        assertThat(compilation).generatedSourceFile("test.NetNet");
    }

    @Test
    void aConcreteSubModelImpossibleOnItsOwnInsideABodyIsNotBlamedOnTheInput() {
        JavaFileObject head = Sources.model("Head", "@Model(input = {8, 4, 4})", "public class Head {",
                "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {",
                "    @Conv(filters = 8) Layer conv;", "    Head head;", "}");
        JavaFileObject net = user("Net", "{3, 4, 4}");
        Compilation compilation = Sources.compile(head, body, net);
        assertThat(compilation).hadErrorCount(2); // Head's own, and Net's field
        assertThat(compilation).hadErrorContaining("[lamina:DenseOnFeatureMap] layer 'logits'").inFile(head);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'body' (field of type Body): "
                + "sub-model Body is impossible whatever its input: [lamina:SubModelInvalid] layer 'head'")
                .inFile(net).onLineContaining("Body body;");
    }

    @Test
    void aMissingNetOfASubModelInsideABodyIsReportedOnTheFieldThatUsesTheBody() {
        JavaFileObject head = Sources.model("Head", "@Model(input = {8, 4, 4})", "public class Head {",
                "    @Conv(filters = 8) Layer c1;", "    @Conv(filters = 8) @ReLU Layer c2;", "}");
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {",
                "    @Conv(filters = 8) @ReLU Layer conv;", "    Head head;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {3, 4, 4})", "public class Net {",
                "    Body body;", "    @GlobalAvgPool Layer head;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
                .withOptions("-Alamina.lint.MissingActivation=error").compile(head, body, net);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelWithoutNet] in sub-model Body (field 'body', built "
                + "by this model's Net): layer 'head' (field of type Head): sub-model Head has no generated class "
                + "test.HeadNet").inFile(net).onLineContaining("Body body;");
    }

    @Test
    void aNameOnABodyIsNotCheckedSinceNoNetIsGenerated() {
        JavaFileObject body = Sources.model("Body", "@Model(name = \"String\")", "public class Body {",
                "    @Conv(filters = 8) Layer conv;", "}");
        assertThat(Sources.compile(body, user("Net", "{3, 4, 4}"))).succeeded();
    }

    @Test
    void aBodyUsedTwiceAtTwoInputsInOneModelGetsAMethodPerInputAndAProjectionPerUse() throws IOException {
        JavaFileObject body = Sources.model("Body", "@Model", "public class Body {",
                "    @Conv(filters = 8, stride = 2, bias = false) @BatchNorm @ReLU Layer conv;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {4, 16, 16})", "public class Net {",
                "    @Residual(projection = true) Body down1;", "    @Residual(projection = true) Body down2;",
                "    @GlobalAvgPool Layer gap;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compile(body, net);
        assertThat(compilation).succeededWithoutWarnings();
        String code = source(compilation, "test.NetNet");
        assertThat(code).contains("private static ai.djl.nn.Block bodyFor4x16x16() {");
        assertThat(code).contains("private static ai.djl.nn.Block bodyFor8x8x8() {");
        // the first projection maps 4 channels to 8 at stride 2, the second 8 to 8 at stride 2
        assertThat(code).containsMatch("new dev\\.lamina\\.runtime\\.blocks\\.ResidualBlock\\(bodyFor4x16x16\\(\\),\\s*new dev\\.lamina\\.runtime\\.blocks\\.NamedSequentialBlock\\(\\)");
        assertThat(code).containsMatch("new dev\\.lamina\\.runtime\\.blocks\\.ResidualBlock\\(bodyFor8x8x8\\(\\),");
    }

    @Test
    void twoBodiesOfOneSimpleNameInTwoPackagesAtOneInputGetTwoMethods() throws IOException {
        JavaFileObject a = com.google.testing.compile.JavaFileObjects.forSourceLines("a.Block", "package a;",
                "import dev.lamina.*;", "@Model public class Block { @Conv(filters = 2) @ReLU Layer conv; }");
        JavaFileObject b = com.google.testing.compile.JavaFileObjects.forSourceLines("b.Block", "package b;",
                "import dev.lamina.*;", "@Model public class Block { @Conv(filters = 2) @ReLU Layer conv; }");
        JavaFileObject net = Sources.model("Net", "@Model(input = {2, 4, 4})", "public class Net {",
                "    a.Block first;", "    b.Block second;", "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compile(a, b, net);
        assertThat(compilation).succeededWithoutWarnings();
        String code = source(compilation, "test.NetNet");
        assertThat(code).contains("block.add(\"first\", blockFor2x4x4());");
        assertThat(code).contains("block.add(\"second\", blockFor2x4x4_2());");
        assertThat(code).contains("{@link b.Block}");
    }

    @Test
    void aSuppressionOnTheBodySilencesItsOwnLint() {
        JavaFileObject body = Sources.model("Body", "@SuppressWarnings(\"lamina:DropoutBetweenConvs\")", "@Model",
                "public class Body {",
                "    @Conv(filters = 8) @ReLU Layer conv1;",
                "    @SpatialDropout(rate = 0.1) @Dropout(rate = 0.2) Layer drop;",
                "    @Conv(filters = 8) @ReLU Layer conv2;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {1, 8, 8})", "public class Net {",
                "    Body body;", "    @GlobalAvgPool Layer gap;", "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compiler().withOptions("-Xlint:all").compile(body, net);
        assertThat(compilation).succeeded();
        assertEquals(0, count(compilation, "[lamina:DropoutBetweenConvs]"));
        assertThat(compilation).hadWarningContaining("[lamina:ConsecutiveDropout]").inFile(body);
    }
}
