package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.List;

/**
 * How one Lamina annotation becomes specs: its simple name and the reader that turns its
 * attribute values into the specs of its kind. Each kind's record declares its bindings.
 *
 * @param annotation simple name of the annotation in package {@code dev.lamina}, e.g. {@code "Conv"}
 * @param reader builds the specs, appending them to a field's operations
 */
record LayerBinding(String annotation, Reader reader) {

    /** Reads one annotation of a field. */
    @FunctionalInterface
    interface Reader {
        /**
         * @param origin where the annotation is
         * @param attributes its values, defaults included
         * @param names the field's block names
         * @param out the field's operations, in order
         */
        void read(Origin origin, Attributes attributes, Names names, List<LayerSpec> out);
    }
}
