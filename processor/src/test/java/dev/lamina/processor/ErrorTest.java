package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per compile-time error kind: the stable id, the line (and the column of the attribute
 * value where the error is about a value), the key words of the message, and no generated Net.
 * Source line N of a model body is line N + 4 of the file (package and import come first).
 */
class ErrorTest {

    private static final int HEADER = 4;

    private static JavaFileObject model(String... body) {
        return Sources.model("Bad", body);
    }

    /** Compiles, expects failure without a Net, and returns the compilation. */
    private static Compilation failing(JavaFileObject source) {
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        return compilation;
    }

    private static void assertError(JavaFileObject source, int bodyLine, String... words) {
        Compilation compilation = failing(source);
        for (String word : words) {
            assertThat(compilation).hadErrorContaining(word).inFile(source).onLine(bodyLine + HEADER);
        }
    }

    @Test
    void denseOnFeatureMap() {
        assertError(model("@Model(input = {1, 28, 28})", "public class Bad {",
                        "    @Conv(filters = 64) @MaxPool(4) Layer conv;",
                        "    @Dense(units = 10) Layer logits;", "}"),
                4, "[lamina:DenseOnFeatureMap] layer 'logits' (@Dense)", "(64, 7, 7)",
                "add @Flatten (giving (3136)) or @GlobalAvgPool (giving (64)) before it");
    }

    @Test
    void kernelLargerThanInput() {
        assertError(model("@Model(input = {1, 4, 4})", "public class Bad {",
                        "    @Conv(filters = 4, kernel = 5, padding = Padding.VALID) Layer big;", "}"),
                3, "[lamina:KernelLargerThanInput] layer 'big' (@Conv)", "spans 5", "(1, 4, 4)", "Fix:");
    }

    @Test
    void dilatedKernelLargerThanInput() {
        assertError(model("@Model(input = {1, 6, 6})", "public class Bad {",
                        "    @Conv(filters = 4, dilation = 3, padding = Padding.VALID) Layer wide;", "}"),
                3, "[lamina:KernelLargerThanInput] layer 'wide' (@Conv): the dilated kernel spans 7");
    }

    @Test
    void poolShrinkingASideToZero() {
        assertError(model("@Model(input = {1, 8, 8})", "public class Bad {",
                        "    @MaxPool(4) Layer p1;",
                        "    @MaxPool(4) Layer p2;", "}"),
                4, "[lamina:KernelLargerThanInput] layer 'p2' (@MaxPool): the pool window spans 4",
                "(1, 2, 2)", "zero rows");
    }

    /** AlexNet's conv body (Krizhevsky et al. 2012) on 32x32 images: the input is the cause, in one Fix. */
    @Test
    void aWindowThatTheShrunkenInputNoLongerFitsNamesTheInputAsTheCause() {
        String[] alexNetBody = {
            "    @Conv(filters = 96, kernel = 11, stride = 4, padding = Padding.VALID) @ReLU Layer conv1;",
            "    @MaxPool(value = 3, stride = 2) Layer pool1;",
            "    @Conv(filters = 256, kernel = 5) @ReLU Layer conv2;",
            "    @MaxPool(value = 3, stride = 2) Layer pool2;",
            "    @Conv(filters = 384) @ReLU Layer conv3;",
            "    @GlobalAvgPool Layer gap;",
            "    @Dense(units = 10) Layer logits;"};
        String[] lines = new String[alexNetBody.length + 3];
        lines[0] = "@Model(input = {3, 32, 32})";
        lines[1] = "public class Bad {";
        System.arraycopy(alexNetBody, 0, lines, 2, alexNetBody.length);
        lines[lines.length - 1] = "}";
        Compilation compilation = failing(model(lines));
        String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertTrue(message.contains("[lamina:KernelLargerThanInput] layer 'pool2' (@MaxPool)"), message);
        assertTrue(message.contains("the layers before it shrink 32x32 to 2x2: the input is too small for these layers"),
                message);
        assertTrue(message.contains("Fix: feed a larger input"), message);
        assertEquals(1, message.split("Fix:", -1).length - 1, message);
        assertTrue(!message.contains("Padding.SAME"), message);
        // the same body used as a sub-model: its error is embedded without its own Fix
        String[] body = new String[5 + 3];
        body[0] = "@Model(role = Model.Role.BLOCK)";
        body[1] = "public class AlexBody {";
        System.arraycopy(alexNetBody, 0, body, 2, 5);
        body[body.length - 1] = "}";
        Compilation used = Compiler.javac().withProcessors(new LaminaProcessor()).compile(Sources.model("AlexBody", body),
                Sources.model("Net", "@Model(input = {3, 32, 32})", "public class Net {", "    AlexBody body;",
                        "    @GlobalAvgPool Layer gap;", "    @Dense(units = 10) Layer logits;", "}"));
        String embedded = used.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertTrue(embedded.contains("the input is too small for these layers"), embedded);
        assertEquals(1, embedded.split("Fix:", -1).length - 1, embedded);
    }

    /** The near-miss: a pool too large for the model's own input is the pool's fault, and SAME is not offered for it. */
    @Test
    void aPoolLargerThanTheInputItselfIsToldToShrinkNotToPad() {
        Compilation compilation = failing(model("@Model(input = {1, 4, 4})", "public class Bad {",
                "    @MaxPool(5) Layer pool;", "    @Flatten Layer flat;", "    @Dense(units = 10) Layer logits;", "}"));
        String message = compilation.errors().get(0).getMessage(java.util.Locale.ROOT);
        assertTrue(message.endsWith("Fix: use a smaller pool size, or remove an earlier layer that shrinks H and W."), message);
        assertTrue(!message.contains("too small for these layers"), message);
    }

    @Test
    void spatialLayersOnAVector() {
        assertError(model("@Model(input = {1, 8, 8})", "public class Bad {",
                        "    @Flatten Layer flat;",
                        "    @Conv(filters = 4) Layer conv;", "}"),
                4, "[lamina:SpatialLayerOnVector] layer 'conv' (@Conv): receives a vector (64)");
        assertError(model("@Model(input = {16})", "public class Bad {",
                        "    @SpatialDropout Layer drop;", "}"),
                3, "[lamina:SpatialLayerOnVector] layer 'drop' (@SpatialDropout)", "channel-wise dropout");
        assertError(model("@Model(input = {16})", "public class Bad {",
                        "    @GlobalAvgPool Layer gap;", "}"),
                3, "[lamina:SpatialLayerOnVector] layer 'gap' (@GlobalAvgPool)");
        assertError(model("@Model(input = {16})", "public class Bad {",
                        "    @AvgPool Layer pool;", "}"),
                3, "[lamina:SpatialLayerOnVector] layer 'pool' (@AvgPool)");
    }

    @Test
    void flattenOnAVectorIsAWarningAndStillGenerates() {
        JavaFileObject source = model("@Model(input = {16})", "public class Bad {",
                "    @Flatten Layer flat;", "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = Sources.compiler().withOptions().compile(source);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[lamina:FlattenOnVector] layer 'flat' (@Flatten)")
                .inFile(source).onLine(3 + HEADER);
        assertThat(compilation).generatedSourceFile("test.BadNet");
    }

    @Test
    void attributeOutOfRangeIsReportedOnTheValue() {
        JavaFileObject source = model("@Model(input = {1, 8, 8})", "public class Bad {",
                "    @Conv(filters = 0) Layer conv;", "}");
        Compilation compilation = failing(source);
        assertThat(compilation)
                .hadErrorContaining("[lamina:AttributeOutOfRange] layer 'conv' (@Conv): filters = 0 is out of range, "
                        + "it must be at least 1")
                .inFile(source).onLine(3 + HEADER).atColumn(21);
    }

    @Test
    void everyRangeCheck() {
        String[][] cases = {
            {"@Conv(filters = 4, kernel = 0)", "kernel = 0"},
            {"@Conv(filters = 4, stride = 0)", "stride = 0"},
            {"@Conv(filters = 4, dilation = 0)", "dilation = 0"},
            {"@MaxPool(0)", "value = 0"},
            {"@AvgPool(value = 2, stride = -3)", "stride = -3"},
            {"@Dropout(rate = 1.5)", "rate = 1.5 is out of range, it must be in [0, 1)"},
            {"@SpatialDropout(rate = -0.1)", "rate = -0.1"},
            {"@BatchNorm(momentum = 1.0)", "momentum = 1.0 is out of range, it must be in (0, 1)"},
            {"@BatchNorm(epsilon = 0)", "epsilon = 0.0 is out of range, it must be greater than 0"},
            {"@LeakyReLU(alpha = -1)", "alpha = -1.0 is out of range, it must be at least 0"},
            {"@Flatten @Dense(units = 0)", "units = 0"},
        };
        for (String[] c : cases) {
            assertError(model("@Model(input = {1, 8, 8})", "public class Bad {",
                    "    " + c[0] + " Layer layer;", "}"), 3, "[lamina:AttributeOutOfRange]", c[1], "Fix:");
        }
    }

    @Test
    void invalidInputShape() {
        assertError(model("@Model(input = {28, 28})", "public class Bad {", "    @Flatten Layer f;", "}"),
                1, "[lamina:InvalidInputShape] model 'Bad' (@Model): input = {28, 28}", "rank 2");
        assertError(model("@Model(input = {1, 0, 28})", "public class Bad {", "    @Flatten Layer f;", "}"),
                1, "[lamina:InvalidInputShape]", "at least 1");
    }

    @Test
    void samePaddingWithAnEvenKernel() {
        assertError(model("@Model(input = {1, 8, 8})", "public class Bad {",
                        "    @Conv(filters = 4, kernel = 2) Layer conv;", "}"),
                3, "[lamina:SamePaddingNeedsOddWindow] layer 'conv' (@Conv)", "use an odd kernel");
    }

    @Test
    void residualThatChangesTheShape() throws java.io.IOException {
        JavaFileObject down = Sources.model("Down", "@Model(input = {4, 8, 8})", "public class Down {",
                "    @Conv(filters = 8, stride = 2) Layer conv;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {4, 8, 8})", "public class Net {",
                "    @Residual Down block;", "}");
        Compilation compilation = Sources.compile(down, net);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:ResidualShapeMismatch] layer 'block' (@Residual): "
                        + "sub-model Down maps (4, 8, 8) to (8, 4, 4)")
                .inFile(net).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("projection = true");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("DownNet.java"),
                Sources.generatedFileNames(down, net), "the valid sub-model still gets its Net");
    }

    @Test
    void residualProjectionOnVectors() {
        assertSubModelError("Wider", "{4}", "@Dense(units = 8) Layer fc;", "{4}",
                "@Residual(projection = true) Wider block;", "[lamina:ResidualProjectionImpossible] layer 'block'");
    }

    /**
     * Compiles a sub-model {@code sub} with one layer and a model {@code Net} with one field
     * using it; expects exactly one error, containing {@code message}, on that field.
     */
    private static void assertSubModelError(String sub, String subInput, String subLayer, String netInput,
                                            String netField, String message) {
        JavaFileObject inner = Sources.model(sub, "@Model(input = " + subInput + ")", "public class " + sub + " {",
                "    " + subLayer, "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = " + netInput + ")", "public class Net {",
                "    " + netField, "}");
        Compilation compilation = Sources.compile(inner, net);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(net).onLine(3 + HEADER);
    }

    @Test
    void subModelWhoseDeclaredInputDiffersFromWhatItReceives() throws java.io.IOException {
        JavaFileObject head = Sources.model("Head", "@Model(input = {64})", "public class Head {",
                "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {1, 8, 8})", "public class Net {",
                "    Head head;", "}");
        Compilation compilation = Sources.compile(head, net);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInputMismatch] layer 'head' (field of type "
                        + "Head): sub-model Head declares @Model(input = {64}) but receives (1, 8, 8) here")
                .inFile(net).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("Fix: change Head's input to {1, 8, 8} (or leave it out, so it "
                + "takes its input from each place that uses it), or change the layers before 'head' so they produce (64)");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("HeadNet.java"),
                Sources.generatedFileNames(head, net), "the valid sub-model still gets its Net");
    }

    @Test
    void residualSubModelWithAMismatchedInput() {
        assertSubModelError("Block", "{8, 4, 4}", "@Conv(filters = 8) Layer conv;", "{8, 8, 8}", "@Residual Block block;",
                "[lamina:SubModelInputMismatch] layer 'block' (@Residual): sub-model Block declares "
                        + "@Model(input = {8, 4, 4}) but receives (8, 8, 8)");
    }

    @Test
    void subModelThatIsImpossibleForItsOwnInput() {
        JavaFileObject head = Sources.model("Head", "@Model(input = {1, 8, 8})", "public class Head {",
                "    @Dense(units = 10) Layer logits;", "}");
        JavaFileObject net = Sources.model("Net", "@Model(input = {1, 8, 8})", "public class Net {",
                "    Head head;", "}");
        Compilation compilation = Sources.compile(head, net);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[lamina:DenseOnFeatureMap] layer 'logits'")
                .inFile(head).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("[lamina:SubModelInvalid] layer 'head' (field of type Head): "
                        + "sub-model Head is impossible for its input (1, 8, 8): [lamina:DenseOnFeatureMap]")
                .inFile(net).onLine(3 + HEADER);
        assertThat(compilation).hadErrorContaining("Fix: correct Head");
    }

    @Test
    void anExampleTooLargeForAnIntIsAnErrorOnTheLayerThatMakesIt() {
        // 4 x 40,000 x 40,000 = 6.4e9 elements: the conv's output, not the (1.6e9) input, is too large.
        assertError(model("@Model(input = {1, 40000, 40000})", "public class Bad {",
                        "    @Conv(filters = 4, kernel = 1) Layer conv;",
                        "    @Flatten Layer flat;", "}"),
                3, "[lamina:ShapeTooLarge] layer 'conv' (@Conv): its output (4, 40000, 40000) is "
                        + "6,400,000,000 elements per example, more than 2,147,483,647", "Fix: shrink H and W");
    }

    @Test
    void anInputTooLargeForAnIntIsAnErrorOnTheInput() {
        JavaFileObject huge = model("@Model(input = {100000, 100000, 1000})", "public class Bad {",
                "    @Flatten Layer flat;", "}");
        assertThat(failing(huge)).hadErrorContaining("[lamina:ShapeTooLarge] model 'Bad' (@Model): the input "
                        + "(100000, 100000, 1000) with 10,000,000,000,000 elements per example")
                .inFile(huge).onLine(1 + HEADER).atColumn(16);
    }

    @Test
    void aSameKernelSpanBeyondAnInt() {
        assertError(model("@Model(input = {1, 8, 8})", "public class Bad {",
                        "    @Conv(filters = 1, kernel = 3, dilation = 2000000000) Layer conv;", "}"),
                3, "[lamina:ShapeTooLarge] layer 'conv' (@Conv): the dilated kernel's span is 4,000,000,001");
    }

    @Test
    void aParameterCountBeyondALong() {
        // 99,999 x 99,999 x 2e9 input channels x 1 filter = 2e19 weights (SAME lets the kernel exceed 1x1).
        assertError(model("@Model(input = {2000000000, 1, 1})", "public class Bad {",
                        "    @Conv(filters = 1, kernel = 99999) Layer conv;", "}"),
                3, "[lamina:ParameterCountOverflow] layer 'conv' (@Conv): its parameter count is more than "
                        + "2,305,843,009,213,693,951", "Fix:");
    }

    /**
     * Issue 21, failure 25: 2,147,483,647 x 2,147,483,647 weights fit a long, but not their float32
     * bytes; this compiled and failed in DJL ("Storage size calculation overflowed").
     */
    @Test
    void aParameterCountWhoseBytesOverflowALong() {
        JavaFileObject source = model("@Model(input = {4})", "@SuppressWarnings(\"lamina\")", "public class Bad {",
                "    @Dense(units = 2147483647) Layer a;", "    @Dense(units = 2147483647) Layer b;", "}");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[lamina:ParameterCountOverflow] layer 'b' (@Dense): its parameter"
                + " count is more than 2,305,843,009,213,693,951, the most float32 parameters").inFile(source)
                .onLine(5 + HEADER);
        // and a's weight (4 x 2,147,483,647) is more than DJL can save as one array (issue 21.25)
        assertThat(compilation).hadErrorContaining("[lamina:ParameterTooLarge] layer 'a' (@Dense): its largest"
                + " parameter array (its weight) holds 8,589,934,588 values").inFile(source).onLine(4 + HEADER);
    }

    /**
     * Issue 21.25: DJL saves a parameter array with its size in bytes as a Java int, so a weight of
     * 2^29 float32 values (2 GiB) compiled, trained where memory allowed, and could never be saved.
     * One value less compiles.
     */
    @Test
    void aParameterArrayDjlCannotSave() {
        JavaFileObject source = model("@Model(input = {65536})", "@SuppressWarnings(\"lamina\")",
                "public class Bad {", "    @Dense(units = 8192, bias = false) Layer fc;", "}");
        Compilation tooLarge = failing(source);
        assertThat(tooLarge).hadErrorContaining("[lamina:ParameterTooLarge] layer 'fc' (@Dense): its largest parameter"
                + " array (its weight) holds 536,870,912 values, more than 536,870,911").inFile(source)
                .onLine(4 + HEADER);
        assertThat(tooLarge).hadErrorContaining("Fix: use fewer units or filters");
        // 65536 x 8191 values: the largest DJL saves (a Fix that follows the message compiles)
        assertThat(Sources.compile(model("@Model(input = {65536})", "@SuppressWarnings(\"lamina\")",
                "public class Bad {", "    @Dense(units = 8191, bias = false) Layer fc;", "}"))).succeeded();
        Compilation layerNorm = failing(model("@Model(input = {600000000})", "@SuppressWarnings(\"lamina\")",
                "public class Bad {", "    @LayerNorm Layer norm;", "}"));
        assertThat(layerNorm).hadErrorContaining("[lamina:ParameterTooLarge] layer 'norm' (@LayerNorm): its largest"
                + " parameter array (each of its gamma and beta) holds 600,000,000 values");
    }

    /**
     * Issue 21, failure 25: {@code @Residual} on a field of a type javac cannot resolve gave a
     * misleading ResidualWithoutSubModel beside javac's "cannot find symbol"; the model is deferred
     * like one with an unresolved value, and javac's error is the only one.
     */
    @Test
    void residualOnAFieldOfAnUnresolvedTypeLeavesTheErrorToJavac() {
        Compilation compilation = failing(model("@Model(input = {4})", "public class Bad {",
                "    @Residual Missing skip;", "    @Dense(units = 2) Layer out;", "}"));
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), compilation.diagnostics().stream()
                .map(d -> d.getMessage(null)).filter(m -> m.contains("[lamina:")).toList());
    }

    @Test
    void residualOnAFieldThatIsNoSubModel() {
        assertError(model("@Model(input = {4})", "public class Bad {",
                        "    @Residual Layer skip;", "    @Dense(units = 2) Layer out;", "}"),
                3, "[lamina:ResidualWithoutSubModel] layer 'skip' (@Residual): the field's type dev.lamina.Layer "
                        + "is not a @Model class");
    }

    @Test
    void aStaticLayerFieldIsAnErrorNotALostLayer() {
        assertError(model("@Model(input = {4})", "public class Bad {",
                        "    @Dense(units = 8) static Layer hidden;", "    @Dense(units = 2) Layer out;", "}"),
                3, "[lamina:StaticLayerField] layer 'hidden' (@Dense): the field is static",
                "Fix: remove the static modifier");
    }

    /**
     * An annotation of package dev.lamina the processor does not know (as one of a newer
     * lamina-runtime would be) is an error on that annotation, and no Net silently lacks the layer.
     */
    @Test
    void anUnknownLaminaAnnotationIsAnErrorNotALostLayer() throws java.io.IOException {
        JavaFileObject newer = com.google.testing.compile.JavaFileObjects.forSourceLines("dev.lamina.Shuffle",
                "package dev.lamina;", "",
                "@java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)",
                "public @interface Shuffle {", "    int groups() default 2;", "}");
        JavaFileObject source = model("@Model(input = {8, 4, 4})", "public class Bad {",
                "    @Conv(filters = 8) @Shuffle(groups = 4) Layer conv;", "    @GlobalAvgPool Layer gap;", "}");
        Compilation compilation = Sources.compile(newer, source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:UnknownAnnotation] layer 'conv' (@Shuffle): "
                        + "dev.lamina.Shuffle is not an annotation this Lamina processor knows")
                .inFile(source).onLineContaining("@Shuffle(groups = 4)");
        assertThat(compilation).hadErrorContaining("Fix: use the same Lamina version for lamina-runtime and "
                + "lamina-processor, or remove @Shuffle.");
        assertThat(compilation).hadErrorContaining("The processor knows @AvgPool, @BatchNorm, @Conv, "); // by name; grows with each kind
        org.junit.jupiter.api.Assertions.assertFalse(Sources.generatedFileNames(newer, source).contains("BadNet.java"),
                "a Net without the unknown layer must not be generated");
    }

    @Test
    void subModelCycle() {
        assertError(model("@Model(input = {4})", "public class Bad {", "    @Dense(units = 4) Layer fc;",
                        "    Bad again;", "}"),
                4, "[lamina:SubModelCycle] layer 'again'", "test.Bad -> test.Bad");
    }

    @Test
    void anErroneousModelDoesNotStopAValidOne() throws java.io.IOException {
        JavaFileObject bad = model("@Model(input = {1, 28, 28})", "public class Bad {",
                "    @Dense(units = 10) Layer logits;", "}");
        Compilation compilation = Sources.compile(bad, GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[lamina:DenseOnFeatureMap]").inFile(bad).onLine(3 + HEADER);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("FashionCnnNet.java"),
                Sources.generatedFileNames(bad, GoldenSourceTest.FASHION_CNN),
                "the valid model gets its Net, the erroneous one none");
    }

    @Test
    void invalidNetNameIsReportedOnTheName() {
        JavaFileObject source = model("@Model(input = {4}, name = \"my net\")", "public class Bad {",
                "    @Dense(units = 2) Layer out;", "}");
        assertThat(failing(source)).hadErrorContaining("[lamina:InvalidNetName] model 'Bad' (@Model): "
                + "name = \"my net\" cannot name the generated class. It is not a Java identifier")
                .inFile(source).onLine(1 + HEADER).atColumn(28);
        assertError(model("@Model(input = {4}, name = \"Bad\")", "public class Bad {",
                "    @Dense(units = 2) Layer out;", "}"), 1, "[lamina:InvalidNetName]", "would clash");
    }

    @Test
    void twoModelsGeneratingTheSameNet() {
        JavaFileObject a = Sources.model("A", "@Model(input = {4}, name = \"Same\")", "public class A {",
                "    @Dense(units = 2) Layer out;", "}");
        JavaFileObject b = Sources.model("B", "@Model(input = {4}, name = \"Same\")", "public class B {",
                "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = Sources.compile(a, b);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:NetNotWritten] model 'B' (@Model): the generated "
                + "class test.Same could not be written").inFile(b).onLine(1 + HEADER);
    }

    @Test
    void anUnexpectedFailureBecomesAnErrorOnTheModelAndSparesTheOthers() throws java.io.IOException {
        JavaFileObject bad = model("@Model(input = {4})", "public class Bad {",
                "    @Dense(units = 2) Layer out;", "}");
        Compilation compilation = Compiler.javac()
                .withProcessors(FilerSpy.failingOn(new LaminaProcessor(), "test.BadNet"))
                .compile(bad, GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[lamina:InternalError] model 'Bad' (@Model): the Lamina "
                + "processor failed on this model (java.lang.IllegalStateException: injected").inFile(bad)
                .onLine(1 + HEADER);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("FashionCnnNet.java"),
                Sources.generatedFileNames(FilerSpy.failingOn(new LaminaProcessor(), "test.BadNet"), java.util.List.of(),
                        bad, GoldenSourceTest.FASHION_CNN));
    }

    @Test
    void anUnresolvedAttributeIsLeftToJavacAndSparesTheOthers() throws java.io.IOException {
        JavaFileObject bad = model("@Model(input = {1, 8, 8})", "public class Bad {",
                "    @Conv(filters = MISSING) Layer conv;", "}");
        Compilation compilation = Sources.compile(bad, GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(bad).onLine(3 + HEADER);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("FashionCnnNet.java"),
                Sources.generatedFileNames(bad, GoldenSourceTest.FASHION_CNN));
    }
}
