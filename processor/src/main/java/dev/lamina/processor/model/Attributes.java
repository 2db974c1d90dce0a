package dev.lamina.processor.model;

import java.util.Map;

/**
 * The attribute values of one Lamina annotation, defaults included, as plain Java values read by
 * type: numbers, booleans and enum constants (by name). Only the kind that owns the annotation
 * names its attributes ({@link LayerKinds}), so an attribute's name appears in one file.
 */
public final class Attributes {

    private final Map<String, Object> values;

    Attributes(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** An {@code int} attribute. */
    public int integer(String name) {
        return ((Number) value(name)).intValue();
    }

    /** A {@code double} attribute. */
    public double real(String name) {
        return ((Number) value(name)).doubleValue();
    }

    /** A {@code boolean} attribute. */
    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** An enum attribute as the constant of the processor's mirror enum with the same name. */
    public <E extends Enum<E>> E constant(String name, Class<E> type) {
        return Enum.valueOf(type, constantName(name));
    }

    /** The name of an enum attribute's constant, e.g. {@code "NONE"} for {@code Act.NONE}. */
    public String constantName(String name) {
        return (String) value(name);
    }

    private Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no attribute '" + name + "' in " + values.keySet());
        }
        return value;
    }
}
