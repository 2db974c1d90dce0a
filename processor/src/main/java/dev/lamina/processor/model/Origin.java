package dev.lamina.processor.model;

/**
 * Where a spec came from in the user's source, as plain data: the field, and the index of the
 * Lamina annotation on it (in source order) plus, optionally, the attribute that produced it.
 * The report layer maps an origin back to the field element, annotation mirror and annotation
 * value so diagnostics land on the exact annotation; nothing past {@code ModelReader} touches
 * {@code javax.lang.model}.
 *
 * @param field the Java field name, or {@code null} for the model class itself
 * @param annotation simple name of the annotation (e.g. {@code "Conv"}), or {@code "Model"}
 * @param annotationIndex index of that annotation among the field's annotations, 0-based
 * @param attribute annotation attribute that produced the spec or is at fault, or {@code null}
 */
public record Origin(String field, String annotation, int annotationIndex, String attribute) {

    /** The origin of the model class's {@code @Model} annotation. */
    public static Origin ofModel(String attribute) {
        return new Origin(null, "Model", 0, attribute);
    }

    /** The same annotation, pointing at one of its attributes. */
    public Origin withAttribute(String attributeName) {
        return new Origin(field, annotation, annotationIndex, attributeName);
    }

    /** Whether this origin is the model class rather than a field. */
    public boolean isModel() {
        return field == null;
    }
}
