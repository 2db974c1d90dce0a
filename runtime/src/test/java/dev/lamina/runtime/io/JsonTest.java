package dev.lamina.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a \"quoted\"\nline\t\\");
        value.put("count", 3);
        value.put("ratio", 0.125);
        value.put("flags", Arrays.asList(true, false, null));
        value.put("rows", List.of(Map.of("x", 1.5)));
        value.put("empty", Map.of());

        Object back = Json.parse(Json.write(value));

        Map<String, Object> expected = new LinkedHashMap<>(value);
        expected.put("count", 3L); // integers stay integers
        assertEquals(expected, back);
    }

    @Test
    void nonFiniteNumbersSurviveARoundTrip() {
        Map<String, Object> back = Json.asObject(Json.parse(Json.write(Map.of("loss", Double.NaN))), "x");

        assertTrue(Double.isNaN(Json.number(back, "loss")));
    }

    @Test
    void brokenTextIsRejectedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));

        assertEquals("not valid JSON: Unterminated array at line 1 column 13 path $.a[2]", e.getMessage());
    }

    @Test
    void trailingTextAndJavaScriptLiteralsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"loss\": NaN}"));
    }

    @Test
    void numbersCompareByValueAcrossIntegerAndDouble() {
        assertTrue(Json.sameJson(Map.of("padding", 4, "flip", true), Json.parse("{\"padding\": 4.0, \"flip\": true}")));
        assertFalse(Json.sameJson(Map.of("padding", 4), Map.of("padding", 2)));
    }
}
