package dev.lamina.processor.model;

import java.util.Set;

/**
 * Block names of one field's operations: the field name for the first, {@code field_suffix} for
 * the others (e.g. {@code conv1_bn}), made unique within the model with a number when needed.
 */
final class Names {

    private final String field;
    private final Set<String> used;
    private boolean firstTaken;

    Names(String field, Set<String> used) {
        this.field = field;
        this.used = used;
    }

    /** The name of the next operation of the field, whose kind suffix is {@code suffix}. */
    String next(String suffix) {
        if (!firstTaken) {
            return first();
        }
        return unique(field + "_" + suffix);
    }

    /** The field's first operation: the field name itself. */
    String first() {
        firstTaken = true;
        return unique(field);
    }

    private String unique(String base) {
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
