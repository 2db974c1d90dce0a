package dev.lamina.runtime.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The untyped JSON reader and writer of earlier versions, kept for code written against it (the
 * processor's tests read SARIF logs with it); it has no codec of its own: everything goes through
 * {@link dev.lamina.runtime.io.Json}, the runtime's one JSON codec. Unlike that one, {@link #parse}
 * keeps this class's old contract of reading every number as a {@code Double}.
 *
 * @deprecated use {@link dev.lamina.runtime.io.Json}, which reads integers back as integers
 */
@Deprecated
public final class Json {

    private Json() {}

    /** {@link dev.lamina.runtime.io.Json#write}. */
    public static String write(Object value) {
        return dev.lamina.runtime.io.Json.write(value);
    }

    /** {@link dev.lamina.runtime.io.Json#parse}, with every number a {@code Double}. */
    public static Object parse(String text) {
        return doubles(dev.lamina.runtime.io.Json.parse(text));
    }

    /** {@link dev.lamina.runtime.io.Json#asObject}. */
    public static Map<String, Object> asObject(Object value, String what) {
        return dev.lamina.runtime.io.Json.asObject(value, what);
    }

    /** {@link dev.lamina.runtime.io.Json#asArray}. */
    public static List<Object> asArray(Object value, String what) {
        return dev.lamina.runtime.io.Json.asArray(value, what);
    }

    /** {@link dev.lamina.runtime.io.Json#number}. */
    public static double number(Map<String, Object> object, String key) {
        return dev.lamina.runtime.io.Json.number(object, key);
    }

    /** {@link dev.lamina.runtime.io.Json#string}. */
    public static String string(Map<String, Object> object, String key) {
        return dev.lamina.runtime.io.Json.string(object, key);
    }

    /** {@link dev.lamina.runtime.io.Json#sameJson}. */
    public static boolean sameJson(Object a, Object b) {
        return dev.lamina.runtime.io.Json.sameJson(a, b);
    }

    private static Object doubles(Object value) {
        if (value instanceof Long n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, doubles(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::doubles).toList();
        }
        return value;
    }
}
