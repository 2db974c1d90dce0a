package dev.lamina.processor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.Rules;
import dev.lamina.processor.model.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

        Map<String, Object> log = object(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
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
        assertEquals(0L, result.get("ruleIndex"));
        assertEquals("error", result.get("level"), "the level is the reported severity, after options");
        assertEquals(warning.render(), object(result.get("message")).get("text"));
        Map<String, Object> location = object(object(list(result.get("locations")).get(0)).get("physicalLocation"));
        assertEquals("file:///src/main/java/demo/Cnn.java", object(location.get("artifactLocation")).get("uri"));
        assertEquals(12L, object(location.get("region")).get("startLine"));
        assertEquals(5L, object(location.get("region")).get("startColumn"));

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
        Map<String, Object> result = object(list(object(list(object(Json.parse(json)).get("runs")).get(0)).get("results")).get(0));
        assertEquals("[lamina:DoubleSoftmax] " + tricky, object(result.get("message")).get("text"));
        Map<String, Object> location = object(object(list(result.get("locations")).get(0)).get("physicalLocation"));
        assertEquals("C:\\src\\A \"b\".java", object(location.get("artifactLocation")).get("uri"));
    }

    @Test
    void anEmptyCompilationGivesAnEmptyRunAndReplacesTheOldFileWithoutLeftovers() throws IOException {
        Path file = dir.resolve("lamina.sarif");
        Files.writeString(file, "old content");
        SarifWriter.write(file, List.of());
        Map<String, Object> run = object(list(object(Json.parse(Files.readString(file))).get("runs")).get(0));
        assertEquals(List.of(), run.get("results"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file is moved, not left behind");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** A strict, minimal JSON parser (RFC 8259) so the test reads the file back without a library. */
    static final class Json {
        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.skipWhitespace();
            if (json.pos != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipWhitespace();
            char c = peek();
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            } else if (text.startsWith("true", pos) || text.startsWith("false", pos) || text.startsWith("null", pos)) {
                String word = text.startsWith("true", pos) ? "true" : text.startsWith("false", pos) ? "false" : "null";
                pos += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
            return number();
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            do {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                if (map.put(key, value()) != null) {
                    throw error("duplicate key " + key);
                }
                skipWhitespace();
            } while (consume(','));
            expect('}');
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            expect('[');
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            do {
                list.add(value());
                skipWhitespace();
            } while (consume(','));
            expect(']');
            return list;
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                } else if (c < 0x20) {
                    throw error("unescaped control character");
                } else if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (number.isEmpty()) {
                throw error("value expected");
            }
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }

        private void skipWhitespace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private boolean consume(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw error("'" + c + "' expected");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos);
        }
    }
}
