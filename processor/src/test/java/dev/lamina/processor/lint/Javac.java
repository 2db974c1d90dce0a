package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.lamina.processor.LaminaProcessor;
import dev.lamina.processor.Sources;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles model sources with the Lamina processor inside javac and lists the Lamina diagnostics
 * in a compact form ({@code KIND line:column [lamina:Id]}), so tests can compare them in one
 * assertion. Source line N of a model body is line N + {@value #HEADER} of the file.
 */
final class Javac {

    /** Lines before a model body: package, blank, import, blank. */
    static final int HEADER = 4;

    private static final Pattern TAG = Pattern.compile("\\[lamina:[A-Za-z]+\\]");

    private Javac() {}

    /** A source file {@code test/<name>.java} importing {@code dev.lamina.*}. */
    static JavaFileObject model(String name, String... body) {
        return Sources.model(name, body);
    }

    /** Compiles with the processor and the given javac options ({@code -A...}). */
    static Compilation compile(List<String> options, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new LaminaProcessor()).withOptions(options).compile(sources);
    }

    /** Compiles with the processor and no options. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /**
     * Every diagnostic carrying a {@code [lamina:...]} tag, as {@code KIND line:column [lamina:Id]}
     * (line of the file, 1-based column; {@code -1:-1} when it has no position), in javac's order.
     */
    static List<String> lamina(Compilation compilation) {
        return compilation.diagnostics().stream()
                .map(d -> {
                    Matcher tag = TAG.matcher(d.getMessage(Locale.ROOT));
                    return tag.find() ? describe(d, tag.group()) : null;
                })
                .filter(s -> s != null)
                .toList();
    }

    /** Asserts the exact list of Lamina diagnostics (see {@link #lamina}). */
    static void assertLamina(Compilation compilation, String... expected) {
        assertEquals(List.of(expected), lamina(compilation), () -> "all diagnostics: " + compilation.diagnostics());
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, String tag) {
        return d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + " " + tag;
    }
}
