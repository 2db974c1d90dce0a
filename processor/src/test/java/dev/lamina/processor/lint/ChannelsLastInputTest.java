package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.shape.ShapedModel;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class ChannelsLastInputTest {

    private static final String ID = "ChannelsLastInput";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.withFields("Keras", "{28, 28, 1}",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.WARNING, 1, 16,
                    "[lamina:ChannelsLastInput] model 'Keras' (@Model): input = {28, 28, 1} looks channels-last",
                    "28 channels of 28 x 1 images", "Fix: input = {1, 28, 28}")
                    .fixedBy("input = {1, 28, 28}", JavacCase.withFields("Keras", "{1, 28, 28}",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.withFields("Rgb", "{3, 32, 32}",
                    "    @Conv(filters = 8) @ReLU Layer conv;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.withFields("SmallMap", "{64, 4, 4}",
                    "    @Conv(filters = 8) @ReLU Layer conv;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")));

    private static List<Finding> findings(ShapedModel model) {
        return LintAssert.findings(model, ID);
    }

    @Test
    void grayAndRgbChannelsLastInputsAreReportedOnTheModelsInput() {
        for (int[] input : new int[][] {{28, 28, 1}, {32, 32, 3}, {224, 224, 4}}) {
            var found = findings(model(input).field("flat").flatten().field("logits").dense(10).build());
            assertEquals(1, found.size());
            Finding finding = found.get(0);
            assertEquals(Severity.WARNING, finding.severity());
            assertTrue(finding.origin().isModel());
            assertEquals("input", finding.origin().attribute());
            String fixed = "{" + input[2] + ", " + input[0] + ", " + input[1] + "}";
            assertTrue(finding.message().endsWith("Fix: input = " + fixed + "."), finding::render);
        }
    }

    @Test
    void channelsFirstImagesAndSmallFeatureMapsAreNot() {
        for (int[] input : new int[][] {{1, 28, 28}, {3, 32, 32}, {64, 4, 4}, {16, 8, 5}, {4, 4, 3}}) {
            assertEquals(List.of(), findings(model(input).field("flat").flatten().field("logits").dense(10).build()),
                    () -> java.util.Arrays.toString(input));
        }
        assertEquals(List.of(), findings(TestModels.mlp(0.5)));
    }

    @Test
    void itIsFoundOnTheDeclarationAloneSoItCanExplainAShapeError() {
        var spec = model(28, 28, 1).field("flat").flatten().build().spec();
        var found = new Linter(LintConfig.defaults()).lintDeclaration(spec);
        assertEquals(List.of(ID), found.stream().map(Finding::id).toList());
        Finding error = new Finding("KernelLargerThanInput", Severity.ERROR, spec.layers().get(0).origin(),
                "layer 'pool' (@MaxPool): the pool window spans 2 but ...",
                dev.lamina.processor.diag.Fix.of("use a smaller pool size."));
        String explained = dev.lamina.processor.lint.rules.ChannelsLastInput.explain(error, spec).message();
        assertTrue(explained.contains("Likely cause: @Model(input = {28, 28, 1}) is channels-last"), explained);
        assertTrue(explained.endsWith("Fix: input = {1, 28, 28}; if the error remains, use a smaller pool size."), explained);
        var fix = dev.lamina.processor.lint.rules.ChannelsLastInput.explain(error, spec).fix();
        assertEquals("input", fix.target().origin().attribute(), "carried out on @Model(input)");
        assertEquals("{1, 28, 28}", fix.target().replacement());
    }

    /** The Keras MNIST CNN with its channels-last input: the pooling error that follows names the cause. */
    @Test
    void theShapeErrorThatFollowsIsExplainedInJavac() {
        var source = JavacCase.withFields("KerasCnn", "{28, 28, 1}",
                "    @Conv(filters = 32) @ReLU Layer conv1;",
                "    @MaxPool(2) Layer pool1;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;");
        var compilation = Javac.compile(source);
        com.google.testing.compile.CompilationSubject.assertThat(compilation).failed();
        int header = Javac.HEADER;
        Javac.assertLamina(compilation, "ERROR " + (header + 4) + ":5 [lamina:KernelLargerThanInput]",
                "WARNING " + (header + 1) + ":16 [lamina:ChannelsLastInput]");
        com.google.testing.compile.CompilationSubject.assertThat(compilation)
                .hadErrorContaining("Likely cause: @Model(input = {28, 28, 1}) is channels-last ([lamina:ChannelsLastInput]),"
                        + " so this layer sees the image the wrong way round. Fix: input = {1, 28, 28}; if the error"
                        + " remains, use a smaller pool size")
                .inFile(source).onLine(header + 4);
    }

    @Test
    void classSuppressionSilencesIt() {
        var model = model(28, 28, 1).field("flat").flatten().field("logits").dense(10).suppressClass("lamina:" + ID).build();
        assertEquals(List.of(), findings(model));
    }
}
