package dev.lamina.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        expected.put("count", 3.0);
        assertEquals(expected, back);
    }

    @Test
    void nonFiniteNumbersSurviveARoundTrip() {
        Map<String, Object> back = Json.asObject(Json.parse(Json.write(Map.of("loss", Double.NaN))), "x");

        assertTrue(Double.isNaN(Json.number(back, "loss")));
    }

    @Test
    void brokenTextIsRejectedWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));

        assertEquals("not valid JSON at offset 11: expected ']'", e.getMessage());
    }
}
