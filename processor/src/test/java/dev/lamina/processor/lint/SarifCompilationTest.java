package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.Javac.model;
import static dev.lamina.processor.report.SarifJson.integer;
import static dev.lamina.processor.report.SarifJson.list;
import static dev.lamina.processor.report.SarifJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.report.SarifJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Alamina.sarif=<path>} inside javac: every lint finding of the compilation, with the
 * severity it was reported at, the source file's URI (as javac's {@code JavaFileObject.toUri()}
 * gives it: absolute {@code file:} URIs in a real build) and the same 1-based line and column as
 * javac's diagnostic.
 */
class SarifCompilationTest {

    @TempDir
    Path dir;

    private static final JavaFileObject SEED001 = SeedModelsCompilationTest.seed001Cnn();

    private static final JavaFileObject BETWEEN = model("Between", "@Model(input = {1, 28, 28})",
            "public class Between {",
            "    @Conv(filters = 8) @ReLU Layer conv1;",
            "    @SuppressWarnings(\"lamina:NoSuchRule\") @Dropout(rate = 0.25) Layer drop;",
            "    @Conv(filters = 8) @ReLU Layer conv2;",
            "    @GlobalAvgPool Layer gap;",
            "    @Dense(units = 10) Layer logits;", "}");

    /** One SARIF result as {@code level line:column ruleId}, plus its uri and message. */
    private record Row(String level, long line, long column, String ruleId, String uri, String message) {
        String brief() {
            return level + " " + line + ":" + column + " " + ruleId;
        }
    }

    @Test
    void sarifLogMatchesJavacsDiagnostics() throws IOException {
        Path sarif = dir.resolve("reports/lamina.sarif");
        Compilation compilation = compile(List.of("-Alamina.sarif=" + sarif, "-Alamina.lint.DoubleSoftmax=error"),
                SEED001, BETWEEN);
        assertThat(compilation).failed();
        assertLamina(compilation, "WARNING 10:5 [lamina:DropoutOnFeatureMaps]", "NOTE 12:5 [lamina:LargeDenseHead]",
                "ERROR 14:40 [lamina:DoubleSoftmax]", "WARNING 8:23 [lamina:UnknownSuppression]",
                "WARNING 8:44 [lamina:DropoutBetweenConvs]");

        Map<String, Object> log = object(SarifJson.parse(Files.readString(sarif, StandardCharsets.UTF_8)));
        assertEquals("2.1.0", log.get("version"));
        List<Row> rows = rows(log);
        assertEquals(List.of("warning 10:5 lamina:DropoutOnFeatureMaps", "note 12:5 lamina:LargeDenseHead",
                        "error 14:40 lamina:DoubleSoftmax", "warning 8:23 lamina:UnknownSuppression",
                        "warning 8:44 lamina:DropoutBetweenConvs"),
                rows.stream().map(Row::brief).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals((i < 3 ? SEED001 : BETWEEN).toUri().toString(), rows.get(i).uri());
        }
        for (Row row : rows) {
            Diagnostic<? extends JavaFileObject> diagnostic = compilation.diagnostics().stream()
                    .filter(d -> d.getMessage(Locale.ROOT).equals(row.message()))
                    .findFirst().orElseThrow(() -> new AssertionError("no diagnostic for " + row));
            assertEquals(diagnostic.getSource().toUri().toString(), row.uri());
            assertEquals(diagnostic.getLineNumber(), row.line());
            assertEquals(diagnostic.getColumnNumber(), row.column());
        }
    }

    @Test
    void unwritablePathIsAWarningAndNothingElseChanges() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file.txt"), "x");
        Path sarif = notADirectory.resolve("lamina.sarif");
        Compilation compilation = compile(List.of("-Alamina.sarif=" + sarif), SEED001);
        assertThat(compilation).succeeded();
        assertLamina(compilation, "WARNING 10:5 [lamina:DropoutOnFeatureMaps]", "NOTE 12:5 [lamina:LargeDenseHead]",
                "WARNING 14:40 [lamina:DoubleSoftmax]", "WARNING -1:-1 [lamina:SarifNotWritten]");
        assertThat(compilation).hadWarningContaining("[lamina:SarifNotWritten] could not write the SARIF log to "
                + sarif);
        assertThat(compilation).hadWarningContaining("Fix: pass a writable path in -Alamina.sarif.");
        assertThat(compilation).generatedSourceFile("test.Seed001CnnNet");
        assertFalse(Files.exists(sarif));
    }

    /**
     * Each result's Fix as structure: its text and the annotation or attribute it changes in the
     * property bag, and, where the Fix writes a known value over a written attribute, a SARIF fix
     * whose replacement covers exactly that value and applying it gives the source the Fix names.
     */
    @Test
    void resultsCarryTheirFixAsStructureAndAReplacementWhereTheValueIsKnown() throws IOException {
        String[] lines = {"@Model(input = {28, 28, 1})", "public class Keras {",
                "    @Dropout(rate = 0.7) Layer drop;",
                "    @Flatten Layer flat;", "    @Dense(units = 10) Layer logits;", "}"};
        JavaFileObject keras = model("Keras", lines);
        Path sarif = dir.resolve("fixes.sarif");
        Compilation compilation = compile(List.of("-Alamina.sarif=" + sarif), keras);
        assertLamina(compilation, "WARNING 5:16 [lamina:ChannelsLastInput]", "WARNING 7:5 [lamina:InputDropoutHigh]");
        List<Object> results = list(object(list(object(SarifJson.parse(Files.readString(sarif))).get("runs")).get(0))
                .get("results"));
        String source = keras.getCharContent(true).toString();
        List<String> applied = new ArrayList<>();
        for (Object value : results) {
            Map<String, Object> result = object(value);
            Map<String, Object> properties = object(result.get("properties"));
            String message = (String) object(result.get("message")).get("text");
            assertEquals(true, message.endsWith("Fix: " + properties.get("fix")), message);
            Map<String, Object> fix = object(list(result.get("fixes")).get(0));
            assertEquals(properties.get("fix"), object(fix.get("description")).get("text"));
            Map<String, Object> change = object(list(fix.get("artifactChanges")).get(0));
            assertEquals(keras.toUri().toString(), object(change.get("artifactLocation")).get("uri"));
            Map<String, Object> replacement = object(list(change.get("replacements")).get(0));
            Map<String, Object> region = object(replacement.get("deletedRegion"));
            String[] text = source.split("\n", -1);
            int line = (int) integer(region.get("startLine")) - 1;
            assertEquals(line + 1, integer(region.get("endLine")));
            String before = text[line].substring((int) integer(region.get("startColumn")) - 1,
                    (int) integer(region.get("endColumn")) - 1);
            applied.add(properties.get("fixAttribute") + ": " + before + " -> "
                    + object(replacement.get("insertedContent")).get("text"));
        }
        assertEquals(List.of("input: {28, 28, 1} -> {1, 28, 28}", "rate: 0.7 -> 0.2"), applied);
    }

    /**
     * Issue 22: a one-unit multi-class output is fixed on the model's task (a replacement of the
     * written default, and the attribute alone when task is left out), two binary logits on units.
     */
    @Test
    void theTaskFixesAreStructureToo() throws IOException {
        JavaFileObject written = model("Written", "@Model(input = {16}, task = Model.Task.MULTI_CLASS)",
                "public class Written {", "    @Dense(units = 1) Layer out;", "}");
        JavaFileObject left = model("Left", "@Model(input = {16})", "public class Left {",
                "    @Dense(units = 1) Layer out;", "}");
        JavaFileObject pair = model("Pair", "@Model(input = {16}, task = Model.Task.BINARY)", "public class Pair {",
                "    @Dense(units = 2) Layer out;", "}");
        Path sarif = dir.resolve("tasks.sarif");
        compile(List.of("-Alamina.sarif=" + sarif), written, left, pair);
        List<String> applied = new ArrayList<>();
        for (Object value : list(object(list(object(SarifJson.parse(Files.readString(sarif))).get("runs")).get(0))
                .get("results"))) {
            Map<String, Object> result = object(value);
            Map<String, Object> properties = object(result.get("properties"));
            String uri = (String) object(object(object(list(result.get("locations")).get(0)).get("physicalLocation"))
                    .get("artifactLocation")).get("uri");
            String entry = result.get("ruleId") + " " + uri.substring(uri.lastIndexOf('/') + 1) + " "
                    + properties.get("fixAnnotation") + "(" + properties.get("fixAttribute") + ")";
            if (result.containsKey("fixes")) {
                Map<String, Object> change = object(list(object(list(result.get("fixes")).get(0)).get("artifactChanges"))
                        .get(0));
                Map<String, Object> replacement = object(list(change.get("replacements")).get(0));
                Map<String, Object> region = object(replacement.get("deletedRegion"));
                String source = (uri.endsWith("Written.java") ? written : pair).getCharContent(true).toString();
                String line = source.split("\n", -1)[(int) integer(region.get("startLine")) - 1];
                entry += ": " + line.substring((int) integer(region.get("startColumn")) - 1,
                        (int) integer(region.get("endColumn")) - 1) + " -> "
                        + object(replacement.get("insertedContent")).get("text");
            }
            applied.add(entry);
        }
        assertEquals(List.of(
                "lamina:SingleUnitSoftmaxOutput Written.java Model(task): Model.Task.MULTI_CLASS -> Model.Task.BINARY",
                "lamina:SingleUnitSoftmaxOutput Left.java Model(task)",
                "lamina:MultiUnitBinaryOutput Pair.java Dense(units): 2 -> 1"), applied);
    }

    private static List<Row> rows(Map<String, Object> log) {
        List<Row> rows = new ArrayList<>();
        for (Object value : list(object(list(log.get("runs")).get(0)).get("results"))) {
            Map<String, Object> result = object(value);
            Map<String, Object> location = object(object(list(result.get("locations")).get(0)).get("physicalLocation"));
            Map<String, Object> region = object(location.get("region"));
            rows.add(new Row((String) result.get("level"), integer(region.get("startLine")),
                    integer(region.get("startColumn")), (String) result.get("ruleId"),
                    (String) object(location.get("artifactLocation")).get("uri"),
                    (String) object(result.get("message")).get("text")));
        }
        return rows;
    }
}
