package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every DSL layer type generates a Net that compiles under {@code -Xlint:all -Werror}. */
class GenerationTest {

    private static String generated(Compilation compilation, String name) throws IOException {
        return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    }

    @Test
    void everyLayerTypeGeneratesCompilingCode() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("AllLayers",
                "@Model(input = {3, 16, 16}, name = \"Everything\")",
                // every layer kind in one model is not a sensible network: its placement lints are
                // covered by the lint tests, here only code generation under -Werror matters
                "@SuppressWarnings(\"lamina\")",
                "public class AllLayers {",
                "    @Conv(filters = 8, kernel = 5, stride = 2, dilation = 1, bias = false,"
                        + " activation = Act.LEAKY_RELU) Layer conv1;",
                "    @BatchNorm(momentum = 0.99, epsilon = 1e-3) @LeakyReLU(alpha = 0.2) Layer bn1;",
                "    @Conv(filters = 8, kernel = 3, padding = Padding.VALID, dilation = 2) @GELU Layer conv2;",
                "    @SpatialDropout(rate = 0.2) Layer sdrop;",
                "    @MaxPool(value = 3, stride = 1, padding = Padding.SAME) @Sigmoid Layer pool1;",
                "    @AvgPool(value = 2, padding = Padding.SAME) @Tanh Layer pool2;",
                "    @AvgPool Layer pool3;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 16, activation = Act.GELU) @BatchNorm Layer fc1;",
                "    @Dropout(rate = 0.3) Layer drop;",
                "    @Dense(units = 4, bias = false, activation = Act.SOFTMAX) Layer out;",
                "    Object ignored;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = generated(compilation, "test.Everything");
        assertThat(net).contains(".optStride(new ai.djl.ndarray.types.Shape(2, 2)).optPadding(new ai.djl.ndarray.types.Shape(2, 2))");
        assertThat(net).contains("new dev.lamina.runtime.blocks.SpatialDropoutBlock(0.2f)");
        assertThat(net).contains("ai.djl.nn.pooling.Pool.avgPool2dBlock(new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(2, 2), new ai.djl.ndarray.types.Shape(0, 0), true, false)");
        assertThat(net).contains("ai.djl.nn.LambdaBlock.singleton(x -> x.softmax(1), \"softmax\")");
        assertThat(net).contains(".add(\"conv1_leaky_relu\", ai.djl.nn.Activation.leakyReluBlock(0.01f))");
        assertThat(net).contains(".add(\"bn1_leaky_relu\", ai.djl.nn.Activation.leakyReluBlock(0.2f))");
        assertThat(net).doesNotContain("ignored");
        // conv1 SAME stride 2 -> (8, 8, 8); conv2 VALID, dilated span 5 -> (8, 4, 4); pools -> (8, 1, 1)
        assertThat(net).containsMatch("conv2 \\(Conv\\) +\\(8, 4, 4\\)");
        assertThat(net).containsMatch("flat \\(Flatten\\) +\\(8\\) ");
        assertThat(net).contains("return new ai.djl.ndarray.types.Shape(1, 4);");
    }

    @Test
    void softmaxOnAFeatureMapNormalizesOverChannelsNotWidth() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("Segmenter",
                "@Model(input = {3, 8, 8})",
                "public class Segmenter {",
                "    @Conv(filters = 4, kernel = 1) @Softmax Layer classes;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = generated(compilation, "test.SegmenterNet");
        // (batch, C, H, W): axis 1 is the channels; -1 would normalize over W
        assertThat(net).contains(".add(\"classes_softmax\", ai.djl.nn.LambdaBlock.singleton(x -> x.softmax(1), \"softmax\"))");
        assertThat(net).doesNotContain("softmax(-1)");
    }

    @Test
    void subModelsAndResidualsGenerateCompilingCode() throws IOException {
        Compilation compilation = Sources.compile(
                Sources.model("Block", "@Model(input = {8, 8, 8})", "public class Block {",
                        "    @Conv(filters = 8) @BatchNorm @ReLU Layer a;",
                        "    @Conv(filters = 8) @BatchNorm Layer b;", "}"),
                Sources.model("Down", "@Model(input = {8, 8, 8})", "public class Down {",
                        "    @Conv(filters = 16, stride = 2) @BatchNorm @ReLU Layer a;", "}"),
                Sources.model("ResNet", "@Model(input = {1, 8, 8})", "public class ResNet {",
                        "    @Conv(filters = 8) @ReLU Layer stem;",
                        "    Block plain;",
                        "    @Residual @ReLU Block res1;",
                        "    @Residual(projection = true) Down res2;",
                        "    @GlobalAvgPool Layer gap;",
                        "    @Dense(units = 10) Layer logits;", "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = generated(compilation, "test.ResNetNet");
        assertThat(net).contains(".add(\"res1\", new dev.lamina.runtime.blocks.ResidualBlock(");
        assertThat(net).contains(".add(\"res1_relu\", ai.djl.nn.Activation.reluBlock())");
        assertThat(net).contains("res2 (Residual(Down))");
        assertThat(net).contains(".setKernelShape(new ai.djl.ndarray.types.Shape(1, 1)).optStride(new ai.djl.ndarray.types.Shape(2, 2)).setFilters(16).optBias(false)");
        assertThat(net).contains("return new ai.djl.ndarray.types.Shape(1, 10);");
    }

    @Test
    void summaryListsEveryLayerWithShapeAndParameters() throws IOException {
        String net = generated(Sources.compile(GoldenSourceTest.FASHION_CNN), "test.FashionCnnNet");
        // conv1: 320 params * 4 B = 1.25 KiB; 32*28*28 outputs of 3*3*1 products = 225,792 MACs;
        // 25,088 outputs * 4 B * batch 32 = 3.06 MiB forward, twice that with gradients
        assertThat(net).containsMatch("\"conv1 \\(Conv\\) +\\(32, 28, 28\\) +320 +1\\.25 KiB +225\\.79K +3\\.06 MiB +6\\.13 MiB\\\\n\"");
        assertThat(net).containsMatch("\"pool1 \\(MaxPool\\) +\\(32, 14, 14\\) +0 +0 B +0 +784\\.00 KiB +1\\.53 MiB\\\\n\"");
        // logits: 128*10 = 1,280 MACs (the bias adds none)
        assertThat(net).containsMatch("\"logits \\(Dense\\) +\\(10\\) +1,290 +5\\.04 KiB +1\\.28K +1\\.25 KiB +2\\.50 KiB\\\\n\"");
        // 225,792 + 7,225,344 + 3,612,672 + 8,192 + 1,280
        assertThat(net).contains("\"MACs per example: 11.07M\\n\"");
        assertThat(net).contains("\"Total params: 38,186\\n\"");
        assertThat(net).contains("\"Trainable params: 37,930\\n\"");
        assertThat(net).contains("\"Non-trainable params: 256\\n\"");
        assertThat(net).contains("return 37930L;");
    }

    @Test
    void summaryOptionPrintsANoteOnTheModel() {
        Compilation compilation = Sources.compiler().withOptions("-Alamina.summary=true")
                .compile(GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("Total params: 38,186")
                .inFile(GoldenSourceTest.FASHION_CNN).onLine(6);
    }

    @Test
    void summaryBatchOptionSetsTheBatchOfTheActivationMemory() throws IOException {
        Compilation compilation = Sources.compiler().withOptions("-Alamina.summary=true", "-Alamina.summary.batch=1")
                .compile(GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).succeededWithoutWarnings();
        // conv1: 25,088 outputs * 4 B = 98 KiB for one example; all layers 194,890 outputs = 761.29 KiB
        assertThat(compilation).hadNoteContaining("(fp32; activations for a batch of 1)");
        assertThat(compilation).hadNoteContaining("Forward pass size (batch 1): 761.29 KiB");
        String net = generated(compilation, "test.FashionCnnNet");
        assertThat(net).containsMatch("\"conv1 \\(Conv\\) +\\(32, 28, 28\\) +320 +1\\.25 KiB +225\\.79K +98\\.00 KiB +196\\.00 KiB\\\\n\"");
    }

    @Test
    void aBadSummaryBatchIsAOneLineWarningAndTheDefaultIsUsed() {
        for (String bad : List.of("0", "-4", "many", "99999999999")) {
            Compilation compilation = Sources.compiler().withOptions("-Alamina.summary=true", "-Alamina.summary.batch=" + bad)
                    .compile(GoldenSourceTest.FASHION_CNN);
            assertThat(compilation).hadWarningContaining("[lamina:BadOption] -Alamina.summary.batch=" + bad
                    + " is not a valid value, so the summary's activation memory is for the default 32. Fix: use"
                    + " -Alamina.summary.batch=<n> with a whole number n of at least 1.");
            assertThat(compilation).hadNoteContaining("(fp32; activations for a batch of 32)");
            assertEquals(1, compilation.warnings().size(), bad);
        }
    }

    @Test
    void unknownOptionAndBadSummaryValueAreWarnings() {
        Compilation compilation = Sources.compiler()
                .withOptions("-Alamina.sumary=true", "-Alamina.summary=yes")
                .compile(GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).hadWarningContaining("[lamina:UnknownOption] -Alamina.sumary is not a Lamina option");
        assertThat(compilation).hadWarningContaining("-Alamina.summary=true|false");
        assertThat(compilation).hadWarningContaining("[lamina:BadOption] -Alamina.summary=yes");
        assertThat(compilation).generatedSourceFile("test.FashionCnnNet");
    }

    @Test
    void perRuleLintOptionsAreAcceptedByJavac() {
        Compilation compilation = Sources.compiler()
                .withOptions("-Xlint:all", "-Werror", "-Alamina.lint.DropoutBetweenConvs=warn", "-Alamina.lint=warn")
                .compile(GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void blockNamesStayUniqueWhenAFieldIsNamedLikeASuffix() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("Names", "@Model(input = {4})",
                "public class Names {",
                "    @Dense(units = 4) @ReLU Layer fc;",
                "    @Dense(units = 4) Layer fc_relu;", "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = generated(compilation, "test.NamesNet");
        assertThat(net).contains(".add(\"fc_relu\", ai.djl.nn.Activation.reluBlock())");
        assertThat(net).contains(".add(\"fc_relu_2\", ai.djl.nn.core.Linear.builder()");
    }

    @Test
    void sarifOptionIsAcceptedAndTheBuildStaysClean(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Compilation compilation = Sources.compiler()
                .withOptions("-Xlint:all", "-Werror", "-Alamina.sarif=" + dir.resolve("lamina.sarif"))
                .compile(GoldenSourceTest.FASHION_CNN);
        assertThat(compilation).succeededWithoutWarnings();
    }
}
