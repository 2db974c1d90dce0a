package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every independent error of a model in one compile: attribute errors of every layer, and shape
 * errors of every layer whose input shape is known, while a layer after an impossible one is not
 * reported as its consequence. Source line N of a model body is line N + 4 of the file.
 */
class EveryErrorTest {

    private static final int HEADER = 4;

    /** {@code ERROR line [lamina:Id]} of every error, in javac's order. */
    private static List<String> errors(Compilation compilation) {
        return compilation.errors().stream()
                .map(d -> d.getLineNumber() - HEADER + " " + d.getMessage(Locale.ROOT).substring(0,
                        d.getMessage(Locale.ROOT).indexOf(']') + 1))
                .toList();
    }

    private static Compilation compile(JavaFileObject source) throws IOException {
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertEquals(Set.of(), Sources.generatedFileNames(source), "no Net for a model with errors");
        return compilation;
    }

    @Test
    void threeMistakesAreReportedInOneCompile() throws IOException {
        JavaFileObject source = Sources.model("Three",
                "@Model(input = {1, 28, 28})",
                "public class Three {",
                "    @Conv(filters = 8) @ReLU Layer conv1;",
                "    @Dropout(rate = 1.5) Layer drop1;",
                "    @Dense(units = 64) @ReLU Layer fc;",
                "    @MaxPool(2) Layer pool;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        Compilation compilation = compile(source);
        assertEquals(List.of(
                "4 [lamina:AttributeOutOfRange]",
                "5 [lamina:DenseOnFeatureMap]",
                "6 [lamina:SpatialLayerOnVector]"), errors(compilation));
        assertThat(compilation).hadErrorContaining("rate = 1.5 is out of range").inFile(source).onLine(4 + HEADER);
        assertThat(compilation).hadErrorContaining("receives a (C, H, W) feature map (8, 28, 28)")
                .inFile(source).onLine(5 + HEADER);
        assertThat(compilation).hadErrorContaining("receives a vector (64)").inFile(source).onLine(6 + HEADER);
    }

    @Test
    void attributeErrorsOfEveryLayerAndAShapeErrorAfterThemAreAllReported() throws IOException {
        JavaFileObject source = Sources.model("Attributes",
                "@Model(input = {1, 28, 28})",
                "public class Attributes {",
                "    @Conv(filters = 0) @ReLU Layer conv1;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 32) @BatchNorm(momentum = 2) @ReLU Layer fc;",
                "    @Conv(filters = 8) Layer conv2;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        assertEquals(List.of(
                "3 [lamina:AttributeOutOfRange]",
                "5 [lamina:AttributeOutOfRange]",
                "6 [lamina:SpatialLayerOnVector]"), errors(compile(source)));
    }

    @Test
    void layersAfterAnImpossibleOneAreNotReportedAsItsConsequences() throws IOException {
        JavaFileObject source = Sources.model("Consequences",
                "@Model(input = {1, 8, 8})",
                "public class Consequences {",
                "    @Conv(filters = 8, kernel = 9, padding = Padding.VALID) Layer big;",
                "    @MaxPool(2) Layer pool;",
                "    @Conv(filters = 8, kernel = 5, padding = Padding.VALID) Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        assertEquals(List.of("3 [lamina:KernelLargerThanInput]"), errors(compile(source)));
    }

    @Test
    void aDenseLayerMakesTheShapeKnownAgainSoALaterErrorIsReportedAndNoLintRuns() throws IOException {
        JavaFileObject source = Sources.model("Mixed",
                "@Model(input = {1, 28, 28})",
                "public class Mixed {",
                "    @Conv(filters = 8, stride = 0) @ReLU Layer conv1;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "    @Conv(filters = 8) Layer conv2;",
                "}");
        assertEquals(List.of("3 [lamina:AttributeOutOfRange]", "6 [lamina:SpatialLayerOnVector]"),
                errors(compile(source)));
        assertEquals(0, Sources.compile(source).diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING).count(),
                "a model with errors is not linted beyond its declaration");
    }

    /** An error of a layer's attributes alone (an even SAME kernel) is not hidden by an earlier layer's error. */
    @Test
    void anAttributeOnlyErrorAfterAnImpossibleLayerIsReportedInTheSameCompile() throws IOException {
        JavaFileObject source = Sources.model("TwoErrors",
                "@Model(input = {1, 8, 8})",
                "public class TwoErrors {",
                "    @Conv(filters = 8, kernel = 9, padding = Padding.VALID) Layer big;",
                "    @Conv(filters = 8, kernel = 4) Layer even;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        assertEquals(List.of("3 [lamina:KernelLargerThanInput]", "4 [lamina:SamePaddingNeedsOddWindow]"),
                errors(compile(source)));
    }
}
