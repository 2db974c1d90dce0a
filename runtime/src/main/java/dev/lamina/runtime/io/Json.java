package dev.lamina.runtime.io;

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
 * The one JSON codec of the files Lamina writes (run directories: checkpoint state, settings,
 * history, image-folder records; saved models; experiment runs), through Gson (which DJL already
 * depends on). Typed records go through {@link #write(Object)} and {@link #read(String, Class)}
 * (Gson's record support: a component's {@code @SerializedName} names its key, {@code
 * @JsonAdapter} its text form); untyped trees through {@link #parse}.
 *
 * <p>Untyped values map to Java as: object - {@code Map<String, Object>} (insertion ordered),
 * array - {@code List<Object>}, string - {@code String}, number - {@code Long} when it is written
 * as an integer ({@code 42}), else {@code Double} ({@code 42.0}, {@code 0.003}), {@code
 * true}/{@code false} - {@code Boolean}, {@code null} - {@code null}. So integers written as
 * integers come back as integers. Non-finite numbers, which JSON has no literal for, are written as
 * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, and {@link #number} reads
 * them back. Typed reading takes an integer field from either {@code 42} or {@code 42.0} (files of
 * older versions wrote some integers as doubles) and refuses {@code 42.5}.
 */
public final class Json {

    /** Writes non-finite doubles and floats as strings, finite ones as numbers, and reads both back. */
    private static final class FiniteOrString<T extends Number> extends TypeAdapter<T> {
        private final java.util.function.DoubleFunction<T> box;

        FiniteOrString(java.util.function.DoubleFunction<T> box) {
            this.box = box;
        }

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
        public T read(JsonReader in) throws IOException {
            switch (in.peek()) {
                case NULL:
                    in.nextNull();
                    return null;
                case STRING:
                    String text = in.nextString();
                    return switch (text) {
                        case "NaN" -> box.apply(Double.NaN);
                        case "Infinity" -> box.apply(Double.POSITIVE_INFINITY);
                        case "-Infinity" -> box.apply(Double.NEGATIVE_INFINITY);
                        default -> throw new JsonParseException("not a number: \"" + text + "\"");
                    };
                default:
                    return box.apply(in.nextDouble());
            }
        }
    }

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .disableHtmlEscaping()
            .setStrictness(Strictness.STRICT)
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .registerTypeAdapter(Double.class, new FiniteOrString<Double>(d -> d))
            .registerTypeAdapter(Float.class, new FiniteOrString<Float>(d -> (float) d))
            .create();

    private Json() {}

    /** Writes {@code value} (maps, lists, strings, numbers, booleans, records) as indented JSON. */
    public static String write(Object value) {
        return GSON.toJson(value) + "\n";
    }

    /**
     * Reads a JSON text as {@code type} (a record, through its canonical constructor, so its own
     * checks run).
     *
     * @throws IllegalArgumentException saying what does not fit
     */
    public static <T> T read(String text, Class<T> type) {
        try {
            T value = GSON.fromJson(text, type);
            if (value == null) {
                throw new IllegalArgumentException("not valid JSON: the text is empty");
            }
            return value;
        } catch (RuntimeException e) {
            // Gson's parse and type errors, and a record's own checks (its constructor's exception)
            Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw new IllegalArgumentException(String.valueOf(cause.getMessage()).lines().findFirst()
                    .orElse("").strip(), e);
        }
    }

    /**
     * An untyped value (as {@link #parse} returns, e.g. one member of a parsed object) as {@code
     * type}; {@code null} stays {@code null}.
     *
     * @throws IllegalArgumentException naming {@code what} and what does not fit
     */
    public static <T> T convert(Object value, Class<T> type, String what) {
        if (value == null) {
            return null;
        }
        try {
            return read(GSON.toJson(value), type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** {@code value} (a record, map, ...) as an untyped tree, as {@link #parse} would read it back. */
    public static Object toTree(Object value) {
        return parse(GSON.toJson(value));
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
            throw new IllegalArgumentException("not valid JSON: " + String.valueOf(cause.getMessage()).lines().findFirst()
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

    /**
     * The whole number under {@code key}, in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the key when it is missing, not a number, not whole,
     *     or out of range
     */
    public static long whole(Map<String, Object> object, String key, long min, long max) {
        Object value = object.get(key);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a number: " + describe(value));
        }
        double d = n.doubleValue();
        if (!(n instanceof Long) && (d != Math.rint(d) || Double.isInfinite(d))) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not " + value);
        }
        long whole = n instanceof Long l ? l : (long) d;
        if (whole < min || whole > max || (!(n instanceof Long) && Math.abs(d) >= 0x1p63)) {
            throw new IllegalArgumentException("\"" + key + "\" is " + value + ", outside [" + min + ", " + max + "]");
        }
        return whole;
    }

    /** A finite number under {@code key}. */
    public static double finite(Map<String, Object> object, String key) {
        double value = number(object, key);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a finite number, not " + value);
        }
        return value;
    }

    /** A value for a message: strings quoted, long ones cut. */
    private static String describe(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
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
