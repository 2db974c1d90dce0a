package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One model compiled inside javac for a rule: either it triggers the rule exactly once (kind,
 * line and column of the offending annotation, key words of the message, no other Lamina
 * diagnostic) or it is a near-miss that compiles without any Lamina diagnostic. Every rule's test
 * class {@code <Id>Test} declares its cases as {@code static final List<JavacCase> JAVAC};
 * {@link LintCompilationTest} runs them for every rule in {@link Rules#all()}.
 *
 * @param source the model
 * @param kind the rule's diagnostic kind, or null for a near-miss
 * @param bodyLine line of the finding in the model body (the {@code @Model} line is 1)
 * @param column 1-based column of the finding
 * @param words parts the message contains
 * @param fix for a trigger: the model after following the message's Fix as written (null until
 *     {@link #fixedBy} gives it)
 */
record JavacCase(JavaFileObject source, Diagnostic.Kind kind, int bodyLine, int column, List<String> words,
                 Fix fix) {

    /**
     * A trigger's Fix, applied as written.
     *
     * @param advice words of the message after {@code Fix:} that say what was done
     * @param fixed the model with that done: it must compile without any Lamina diagnostic
     */
    record Fix(String advice, JavaFileObject fixed) {}

    /** Near-miss for rules about activations and logits: a ReLU hidden layer, then raw logits. */
    static final JavacCase CLEAN_MLP = clean(vector("Logits",
            "    @Dense(units = 32, activation = Act.RELU) Layer fc;",
            "    @Dense(units = 10) Layer logits;"));

    /** Near-miss for rules about batch norm: weighted layers without bias, then batch norm, then ReLU. */
    static final JavacCase CLEAN_CNN = clean(image("BnRelu",
            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
            "    @GlobalAvgPool Layer gap;",
            "    @Dense(units = 32, bias = false) @BatchNorm @ReLU Layer fc;",
            "    @Dense(units = 10) Layer logits;"));

    /**
     * Near-miss for rules about convs: a MobileNet block (Howard et al. 2017), a depthwise 3x3 conv
     * and a pointwise 1x1 conv, each without bias and followed by batch norm and ReLU.
     */
    static final JavacCase CLEAN_MOBILENET = clean(image("MobileNetBlock",
            "    @Conv(filters = 8, stride = 2, bias = false) @BatchNorm @ReLU Layer stem;",
            "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw;",
            "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer pw;",
            "    @GlobalAvgPool Layer gap;",
            "    @Dense(units = 10) Layer logits;"));

    /** A model that triggers the rule once, as {@code kind} at {@code bodyLine}, {@code column}. */
    static JavacCase fires(JavaFileObject source, Diagnostic.Kind kind, int bodyLine, int column, String... words) {
        return new JavacCase(source, kind, bodyLine, column, List.of(words), null);
    }

    /** A near-miss: compiles without any Lamina diagnostic. */
    static JavacCase clean(JavaFileObject source) {
        return new JavacCase(source, null, 0, 0, List.of(), null);
    }

    /**
     * This trigger with its Fix applied: {@code advice} is what the message's text after
     * {@code Fix:} says to do (checked), {@code fixed} the model after doing exactly that.
     */
    JavacCase fixedBy(String advice, JavaFileObject fixed) {
        return new JavacCase(source, kind, bodyLine, column, words, new Fix(advice, fixed));
    }

    /** A model {@code test.<name>} with input (16) and these field lines (the first is body line 3). */
    static JavaFileObject vector(String name, String... fields) {
        return withFields(name, "{16}", fields);
    }

    /** A model {@code test.<name>} with input (1, 28, 28) and these field lines (the first is body line 3). */
    static JavaFileObject image(String name, String... fields) {
        return withFields(name, "{1, 28, 28}", fields);
    }

    /** A model {@code test.<name>} with {@code @Model(input = <input>)} and these field lines (the first is body line 3). */
    static JavaFileObject withFields(String name, String input, String... fields) {
        String[] body = new String[fields.length + 3];
        body[0] = "@Model(input = " + input + ")";
        body[1] = "public class " + name + " {";
        System.arraycopy(fields, 0, body, 2, fields.length);
        body[body.length - 1] = "}";
        return model(name, body);
    }

    /** Compiles the source and asserts the case for rule {@code id}. */
    void check(String id) {
        Compilation compilation = compile(source);
        if (kind == Diagnostic.Kind.ERROR) {
            assertThat(compilation).failed();
        } else {
            assertThat(compilation).succeeded();
        }
        if (kind == null) {
            assertLamina(compilation);
            return;
        }
        int line = bodyLine + HEADER;
        assertLamina(compilation, kind + " " + line + ":" + column + " [lamina:" + id + "]");
        for (String word : words) {
            (switch (kind) {
                case ERROR -> assertThat(compilation).hadErrorContaining(word);
                case WARNING -> assertThat(compilation).hadWarningContaining(word);
                default -> assertThat(compilation).hadNoteContaining(word);
            }).inFile(source).onLine(line).atColumn(column);
        }
    }

    /**
     * Fix closure: the message's text after {@code Fix:} says what {@link #fix} did, and the fixed
     * model compiles without any Lamina diagnostic (no new warning, error or note).
     */
    void checkFix(String id) {
        Compilation compilation = compile(source);
        String message = compilation.diagnostics().stream()
                .map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.contains("[lamina:" + id + "]"))
                .findFirst().orElseThrow();
        String fixText = message.substring(message.indexOf("Fix: "));
        assertTrue(fixText.contains(fix.advice()), () -> "the Fix should say '" + fix.advice() + "': " + message);
        Compilation fixed = compile(fix.fixed());
        assertThat(fixed).succeeded();
        assertLamina(fixed);
    }

    @Override
    public String toString() {
        return (kind == null ? "near-miss " : "fires on ") + source.getName();
    }
}
