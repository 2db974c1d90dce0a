package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.Sources;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Severity options ({@code -Alamina.lint}, {@code -Alamina.lint.<Id>}) and
 * {@code @SuppressWarnings} inside javac, and the promise that a clean model builds under
 * {@code -Xlint:all -Werror}.
 */
class LintOptionsCompilationTest {

    /** The dropout of this model is at line 8, column 5 of its file. */
    private static final String FINDING = "8:5 [lamina:DropoutBetweenConvs]";

    /** A model whose only finding is DropoutBetweenConvs on 'drop'; {@code fieldAnnotation} precedes it. */
    private static JavaFileObject between(String classAnnotation, String fieldAnnotation) {
        return model("Between", "@Model(input = {1, 28, 28}) " + classAnnotation, "public class Between {",
                "    @Conv(filters = 8) @ReLU Layer conv1;",
                "    " + fieldAnnotation + "@Dropout(rate = 0.25) Layer drop;",
                "    @Conv(filters = 8) @ReLU Layer conv2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;", "}");
    }

    private static JavaFileObject between() {
        return between("", "");
    }

    private static Compilation compileWith(JavaFileObject source, String... options) {
        return compile(List.of(options), source);
    }

    @Test
    void byDefaultTheFindingIsAWarning() {
        Compilation compilation = compileWith(between());
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING " + FINDING);
    }

    @Test
    void lintErrorFailsTheCompilationAndGeneratesNoNet() throws IOException {
        Compilation compilation = compileWith(between(), "-Alamina.lint=error");
        assertThat(compilation).failed();
        assertLamina(compilation, "ERROR " + FINDING);
        assertThat(compilation).hadErrorContaining("[lamina:DropoutBetweenConvs] layer 'drop'")
                .inFile(between()).onLine(8).atColumn(5);
        assertEquals(Set.of("CleanNet.java"),
                Sources.generatedFileNames(List.of("-Alamina.lint=error"), between(), clean()),
                "the failing model gets no Net; the other model of the compilation still does");
        assertEquals(Set.of("BetweenNet.java", "CleanNet.java"), Sources.generatedFileNames(between(), clean()));
    }

    @Test
    void lintErrorLeavesNotesAsNotes() {
        Compilation compilation = compileWith(model("Biased", "@Model(input = {16})", "public class Biased {",
                "    @Dense(units = 32) @BatchNorm @ReLU Layer fc;",
                "    @Dense(units = 10) Layer logits;", "}"), "-Alamina.lint=error");
        assertThat(compilation).succeeded();
        assertLamina(compilation, "NOTE 7:5 [lamina:RedundantBias]");
    }

    @Test
    void lintOffReportsNothing() {
        Compilation compilation = compileWith(between(), "-Alamina.lint=off");
        assertThat(compilation).succeeded();
        assertLamina(compilation);
    }

    @Test
    void oneRuleCanBeSwitchedOffMadeANoteOrAnError() {
        Compilation off = compileWith(between(), "-Alamina.lint.DropoutBetweenConvs=off");
        assertThat(off).succeeded();
        assertLamina(off);

        Compilation note = compileWith(between(), "-Alamina.lint.DropoutBetweenConvs=note");
        assertThat(note).succeeded();
        assertLamina(note, "NOTE " + FINDING);

        Compilation error = compileWith(between(), "-Alamina.lint.DropoutBetweenConvs=ERROR");
        assertThat(error).failed();
        assertLamina(error, "ERROR " + FINDING);

        Compilation onlyThis = compileWith(between(), "-Alamina.lint=off", "-Alamina.lint.DropoutBetweenConvs=warn");
        assertThat(onlyThis).succeeded();
        assertLamina(onlyThis, "WARNING " + FINDING);
    }

    @Test
    void unknownRuleIdIsAWarningNamingTheValidIds() {
        Compilation compilation = compileWith(between(), "-Alamina.lint.DropoutBetweenConv=off");
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING -1:-1 [lamina:UnknownOption]", "WARNING " + FINDING);
        assertThat(compilation).hadWarningContaining("[lamina:UnknownOption] -Alamina.lint.DropoutBetweenConv=off:"
                + " 'DropoutBetweenConv' is not a Lamina lint id, so the option is ignored."
                + " Did you mean 'DropoutBetweenConvs'?");
        assertThat(compilation).hadWarningContaining("Valid ids: " + String.join(", ", Rules.ids()));
    }

    @Test
    void unknownValuesAndKeysAreWarnings() {
        Compilation compilation = compileWith(between(), "-Alamina.lint=loud", "-Alamina.lint.DoubleSoftmax=never",
                "-Alamina.colour=blue");
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING -1:-1 [lamina:UnknownOption]", "WARNING -1:-1 [lamina:UnknownOption]",
                "WARNING -1:-1 [lamina:UnknownOption]", "WARNING " + FINDING);
        assertThat(compilation).hadWarningContaining("-Alamina.lint=loud: 'loud' is not a valid value, so the option"
                + " is ignored. Valid values: warn, error, off.");
        assertThat(compilation).hadWarningContaining("-Alamina.lint.DoubleSoftmax=never: 'never' is not a valid"
                + " value, so the option is ignored. Valid values: warn, error, note, off.");
        assertThat(compilation).hadWarningContaining("-Alamina.colour is not a Lamina option");
    }

    @Test
    void suppressedOnTheField() {
        Compilation compilation = compileWith(between("", "@SuppressWarnings(\"lamina:DropoutBetweenConvs\") "));
        assertThat(compilation).succeeded();
        assertLamina(compilation);
    }

    @Test
    void suppressedOnTheClass() {
        Compilation compilation = compileWith(between("@SuppressWarnings(\"lamina:DropoutBetweenConvs\")", ""));
        assertThat(compilation).succeeded();
        assertLamina(compilation);
    }

    @Test
    void allLaminaLintsSuppressed() {
        assertLamina(compileWith(between("", "@SuppressWarnings(\"lamina\") ")));
        assertLamina(compileWith(between("@SuppressWarnings({\"unused\", \"lamina\"})", "")));
    }

    @Test
    void suppressingAnotherRuleSuppressesNothingHere() {
        Compilation compilation = compileWith(between("", "@SuppressWarnings(\"lamina:DoubleSoftmax\") "));
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 8:47 [lamina:DropoutBetweenConvs]");
    }

    @Test
    void unknownSuppressionOnAFieldIsAWarningOnItsValue() {
        JavaFileObject source = between("", "@SuppressWarnings(\"lamina:DropoutBetweenConv\") ");
        Compilation compilation = compileWith(source);
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 8:23 [lamina:UnknownSuppression]", "WARNING 8:52 [lamina:DropoutBetweenConvs]");
        assertThat(compilation).hadWarningContaining("[lamina:UnknownSuppression] @SuppressWarnings("
                + "\"lamina:DropoutBetweenConv\") on field 'drop' names no Lamina lint, so it suppresses nothing."
                + " Did you mean 'DropoutBetweenConvs'?").inFile(source).onLine(8).atColumn(23);
        assertThat(compilation).hadWarningContaining("DropoutBetweenConvs, DropoutOnFeatureMaps");
    }

    @Test
    void unknownSuppressionOnTheClassIsAWarningOnItsValue() {
        JavaFileObject source = between("@SuppressWarnings({\"unchecked\", \"lamina:Everything\"})", "");
        Compilation compilation = compileWith(source);
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 5:47 [lamina:UnknownSuppression]", "WARNING " + FINDING);
        assertThat(compilation).hadWarningContaining("@SuppressWarnings(\"lamina:Everything\") on class Between"
                + " names no Lamina lint").inFile(source).onLine(5).atColumn(47);
    }

    /** A model without findings. */
    private static JavaFileObject clean() {
        return model("Clean", "@Model(input = {1, 28, 28})", "public class Clean {",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 32) @ReLU Layer fc;",
                "    @Dropout(rate = 0.5) Layer drop;",
                "    @Dense(units = 10) Layer logits;", "}");
    }

    @Test
    void cleanModelBuildsUnderXlintAllWerrorWithLaminaOptions() {
        Compilation compilation = compileWith(clean(), "-Xlint:all", "-Werror", "-Alamina.lint=warn",
                "-Alamina.lint.DoubleSoftmax=error", "-Alamina.lint.RedundantBias=off", "-Alamina.summary=false");
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.diagnostics().isEmpty(), () -> compilation.diagnostics().toString());
    }

    @Test
    void suppressedModelBuildsUnderXlintAllWerror() {
        Compilation compilation = compileWith(between("", "@SuppressWarnings(\"lamina:DropoutBetweenConvs\") "),
                "-Xlint:all", "-Werror");
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.diagnostics().isEmpty(), () -> compilation.diagnostics().toString());
    }
}
