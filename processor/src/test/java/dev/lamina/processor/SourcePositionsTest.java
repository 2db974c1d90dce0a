package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.model.ModelReader;
import dev.lamina.processor.report.SarifWriter;
import dev.lamina.processor.report.SourcePositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** Line and column handed to the SARIF log point at the annotation and at the attribute value. */
class SourcePositionsTest {

    /** Reads the model and locates two findings on it, as LaminaProcessor does. */
    private static final class Locating extends AbstractProcessor {
        final List<SarifWriter.Result> results = new ArrayList<>();

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("dev.lamina.Model");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            SourcePositions positions = SourcePositions.of(processingEnv);
            for (TypeElement annotation : annotations) {
                for (var element : round.getElementsAnnotatedWith(annotation)) {
                    ModelReader.Read read = new ModelReader(processingEnv.getElementUtils()).read((TypeElement) element);
                    Origin dropout = read.spec().layers().get(1).origin();
                    positions.locate(Problem.flattenOnVector(dropout, "x", java.util.List.of(1)), read.locator())
                            .ifPresent(results::add);
                    positions.locate(Problem.flattenOnVector(dropout.withAttribute("rate"), "x", java.util.List.of(1)),
                            read.locator()).ifPresent(results::add);
                }
            }
            return false;
        }
    }

    @Test
    void findingsAreLocatedOnTheAnnotationAndItsValue() {
        Locating locating = new Locating();
        assertThat(com.google.testing.compile.Compiler.javac().withProcessors(locating).compile(
                Sources.model("M", "@Model(input = {4})", "public class M {",
                        "    @Dense(units = 4)", "    @Dropout(rate = 0.25) Layer fc;", "}")))
                .succeeded();
        assertEquals(2, locating.results.size());
        assertEquals(8, locating.results.get(0).line());
        assertEquals(5, locating.results.get(0).column());
        assertEquals(8, locating.results.get(1).line());
        assertEquals(21, locating.results.get(1).column());
        assertEquals(true, locating.results.get(0).uri().endsWith("test/M.java"));
    }
}
