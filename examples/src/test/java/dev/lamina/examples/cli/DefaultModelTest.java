package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.processor.LaminaProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model {@code lamina train} trains when none is named follows Lamina's own advice (issue 16.7):
 * compiled from its source with the processor, it gets no finding at all, not even a note.
 */
class DefaultModelTest {

    @TempDir
    Path out;

    @Test
    void theDefaultModelCompilesWithoutAnyLaminaFinding() throws Exception {
        GeneratedNet net = ModelCatalog.resolve(TrainCommand.DEFAULT_MODEL);
        String model = net.netClass().getPackageName() + "." + net.name();
        Path source = Path.of("src/main/java", model.replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(source), source + " (tests run from the examples module)");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-s", out.toString(), "-classpath",
                            System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new LaminaProcessor()));
            assertTrue(task.call(), () -> render(diagnostics));
        }
        List<Diagnostic<? extends JavaFileObject>> findings = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getMessage(Locale.ROOT).contains("[lamina:")).toList();
        assertEquals(List.of(), findings.stream().map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT)).toList(),
                TrainCommand.DEFAULT_MODEL + " must be lint-clean");
    }

    private static String render(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().map(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
