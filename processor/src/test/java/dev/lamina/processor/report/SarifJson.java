package dev.lamina.processor.report;

import dev.lamina.runtime.io.Json;
import java.util.List;
import java.util.Map;

/**
 * Reads SARIF logs back in tests with the runtime's JSON reader (on the test classpath), plus
 * typed access to its values.
 */
public final class SarifJson {

    private SarifJson() {}

    /**
     * The JSON value of {@code text} (objects as maps, arrays as lists, whole numbers as longs,
     * other numbers as doubles).
     */
    public static Object parse(String text) {
        return Json.parse(text);
    }

    /** The value as a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** The value as a JSON array. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The value as a whole number. */
    public static long integer(Object value) {
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException(value + " is not a whole number");
        }
        return number;
    }
}
