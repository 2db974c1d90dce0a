package dev.lamina.processor.report;

import static dev.lamina.processor.report.SarifJson.integer;
import static dev.lamina.processor.report.SarifJson.list;
import static dev.lamina.processor.report.SarifJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

    @TempDir
    Path dir;

    private static final Origin DROP1 = new Origin("drop1", "Dropout", 0, null);

    @Test
    void writesAParsableSarifLogWithRulesAndResults() throws IOException {
        Path file = dir.resolve("reports/lamina.sarif");
        Finding warning = new Finding("DropoutBetweenConvs", Severity.ERROR, DROP1, "layer 'drop1' (@Dropout) ...");
        Finding note = new Finding("UnknownSuppression", Severity.WARNING, DROP1, "no such lint");
        SarifWriter.write(file, List.of(
                new SarifWriter.Result(warning, "file:///src/main/java/demo/Cnn.java", 12, 5),
                new SarifWriter.Result(note, "src/Cnn.java", 0, 0)));

        Map<String, Object> log = object(SarifJson.parse(Files.readString(file, StandardCharsets.UTF_8)));
        assertEquals("2.1.0", log.get("version"));
        assertEquals(SarifWriter.SCHEMA, log.get("$schema"));
        Map<String, Object> run = object(list(log.get("runs")).get(0));
        Map<String, Object> driver = object(object(run.get("tool")).get("driver"));
        assertEquals("Lamina", driver.get("name"));

        List<Object> rules = list(driver.get("rules"));
        assertEquals(Rules.all().size(), rules.size());
        Map<String, Object> first = object(rules.get(0));
        assertEquals("lamina:DropoutBetweenConvs", first.get("id"));
        assertEquals("DropoutBetweenConvs", first.get("name"));
        assertEquals(Rules.all().get(0).summary(), object(first.get("shortDescription")).get("text"));
        assertEquals(Rules.all().get(0).help(), object(first.get("fullDescription")).get("text"));
        assertTrue(((String) object(first.get("help")).get("text")).contains("docs/lints.md#dropoutbetweenconvs"));
        assertEquals("warning", object(first.get("defaultConfiguration")).get("level"));
        Map<String, Object> last = object(rules.get(rules.size() - 1));
        assertEquals("note", object(last.get("defaultConfiguration")).get("level"));

        List<Object> results = list(run.get("results"));
        Map<String, Object> result = object(results.get(0));
        assertEquals("lamina:DropoutBetweenConvs", result.get("ruleId"));
        assertEquals(0L, integer(result.get("ruleIndex")));
        assertEquals("error", result.get("level"), "the level is the reported severity, after options");
        assertEquals(warning.render(), object(result.get("message")).get("text"));
        Map<String, Object> location = object(object(list(result.get("locations")).get(0)).get("physicalLocation"));
        assertEquals("file:///src/main/java/demo/Cnn.java", object(location.get("artifactLocation")).get("uri"));
        assertEquals(12L, integer(object(location.get("region")).get("startLine")));
        assertEquals(5L, integer(object(location.get("region")).get("startColumn")));

        Map<String, Object> unregistered = object(results.get(1));
        assertEquals("lamina:UnknownSuppression", unregistered.get("ruleId"));
        assertFalse(unregistered.containsKey("ruleIndex"));
        Map<String, Object> noRegion = object(object(list(unregistered.get("locations")).get(0)).get("physicalLocation"));
        assertFalse(noRegion.containsKey("region"), "no line/column known: no region");
    }

    @Test
    void escapesQuotesBackslashesNewlinesAndControlCharacters() throws IOException {
        String tricky = "say \"hi\"\\ then\nnext\tline\r\u0001 and \u00e9\u4e2d";
        Path file = dir.resolve("x.sarif");
        SarifWriter.write(file, List.of(new SarifWriter.Result(
                new Finding("DoubleSoftmax", Severity.WARNING, DROP1, tricky), "C:\\src\\A \"b\".java", 1, 1)));
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(json.contains("say \\\"hi\\\"\\\\ then\\nnext\\tline\\r\\u0001"), json);
        Map<String, Object> result = object(list(object(list(object(SarifJson.parse(json)).get("runs")).get(0)).get("results")).get(0));
        assertEquals("[lamina:DoubleSoftmax] " + tricky, object(result.get("message")).get("text"));
        Map<String, Object> location = object(object(list(result.get("locations")).get(0)).get("physicalLocation"));
        assertEquals("C:\\src\\A \"b\".java", object(location.get("artifactLocation")).get("uri"));
    }

    @Test
    void anEmptyCompilationGivesAnEmptyRunAndReplacesTheOldFileWithoutLeftovers() throws IOException {
        Path file = dir.resolve("lamina.sarif");
        Files.writeString(file, "old content");
        SarifWriter.write(file, List.of());
        Map<String, Object> run = object(list(object(SarifJson.parse(Files.readString(file))).get("runs")).get(0));
        assertEquals(List.of(), run.get("results"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file is moved, not left behind");
        }
    }

    /** Issue 21.4: a link, a FIFO or a device at the SARIF path is refused and left as it is. */
    @Test
    void aLinkAFifoOrADirectoryAtThePathIsNeverReplaced() throws Exception {
        Path real = Files.writeString(dir.resolve("elsewhere.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("lamina.sarif"), real);
        Path fifo = dir.resolve("pipe.sarif");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path folder = Files.createDirectory(dir.resolve("folder.sarif"));
        for (Path path : List.of(link, fifo, folder)) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> SarifWriter.write(path, List.of()));
            assertTrue(e.getMessage().contains("which the SARIF log never replaces"), e.getMessage());
        }
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("keep me", Files.readString(real));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
        assertTrue(Files.isDirectory(folder));
        try (var left = Files.list(dir)) {
            assertEquals(4, left.count(), "no temporary file left behind");
        }
        // a regular file, the log of an earlier build, is replaced
        Path earlier = Files.writeString(dir.resolve("earlier.sarif"), "old");
        SarifWriter.write(earlier, List.of());
        assertTrue(Files.readString(earlier).contains("\"2.1.0\""));
    }
}
