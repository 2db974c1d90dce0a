package dev.lamina.runtime.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the files Lamina writes (history, checkpoint state, experiment runs), through Gson
 * (which DJL already depends on).
 *
 * <p>Values map to Java as: object - {@code Map<String, Object>} (insertion ordered), array -
 * {@code List<Object>}, string - {@code String}, number - {@code Double} when read, {@code
 * true}/{@code false} - {@code Boolean}, {@code null} - {@code null}. Non-finite numbers, which JSON
 * has no literal for, are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code
 * "-Infinity"}, and {@link #number} reads them back.
 */
public final class Json {

    /** Writes non-finite doubles and floats as strings; finite ones as numbers. */
    private static final class FiniteOrString<T extends Number> extends TypeAdapter<T> {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else if (Double.isFinite(value.doubleValue())) {
                out.value(value);
            } else {
                out.value(value.toString()); // "NaN", "Infinity", "-Infinity"
            }
        }

        @Override
        public T read(JsonReader in) {
            throw new UnsupportedOperationException("Json reads numbers as Double through Object");
        }
    }

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .setStrictness(Strictness.STRICT)
            .setObjectToNumberStrategy(ToNumberPolicy.DOUBLE)
            .registerTypeAdapter(Double.class, new FiniteOrString<Double>())
            .registerTypeAdapter(Float.class, new FiniteOrString<Float>())
            .create();

    private Json() {}

    /** Writes {@code value} (maps, lists, strings, numbers, booleans, records) as indented JSON. */
    public static String write(Object value) {
        return GSON.toJson(value) + "\n";
    }

    /**
     * Parses one JSON value.
     *
     * @throws IllegalArgumentException saying where the text is not JSON
     */
    public static Object parse(String text) {
        try {
            Object value = GSON.fromJson(text, Object.class);
            if (value == null && text.isBlank()) {
                throw new IllegalArgumentException("not valid JSON: the text is empty");
            }
            return value;
        } catch (JsonParseException e) {
            // Gson wraps the reader's exception, whose message says what and where
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            // first line only: Gson appends a line with a link to its troubleshooting guide
            throw new IllegalArgumentException("not valid JSON: " + cause.getMessage().lines().findFirst()
                    .orElse("").strip(), e);
        }
    }

    /** {@code value} as an object, or an error naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object: " + value);
        }
        return (Map<String, Object>) value;
    }

    /** {@code value} as an array, or an error naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static List<Object> asArray(Object value, String what) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(what + " is not a JSON array: " + value);
        }
        return (List<Object>) value;
    }

    /** The number under {@code key} (also reads the strings written for NaN and infinities). */
    public static double number(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            switch (s) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is missing or not a number: " + value);
    }

    /** The string under {@code key}. */
    public static String string(Map<String, Object> object, String key) {
        Object value = object.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a string: " + value);
        }
        return s;
    }

    /** Whether two values read from or written as JSON are the same JSON ({@code 4} equals {@code 4.0}). */
    public static boolean sameJson(Object a, Object b) {
        return GSON.toJsonTree(a).equals(GSON.toJsonTree(b));
    }
}
