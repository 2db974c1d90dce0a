package dev.lamina.processor.diag;

/**
 * Where a spec came from in the user's source, and so where a diagnostic about it lands, as plain
 * data: the field, and the index of the Lamina annotation on it (in source order) plus,
 * optionally, the attribute that produced it. It lives with the diagnostics (the lowest layer of
 * the processor) because every {@link Finding} carries one; the specs of {@code model/} carry one
 * too. {@code model/SourceLocator} maps an origin back to the field element, annotation mirror and
 * annotation value so diagnostics land on the exact annotation; nothing past {@code ModelReader}
 * touches {@code javax.lang.model}.
 *
 * @param field the Java field name, or {@code null} for the model class itself
 * @param annotation simple name of the annotation (e.g. {@code "Conv"}), or {@code "Model"}
 * @param annotationIndex index of that annotation among the field's annotations, 0-based
 * @param attribute annotation attribute that produced the spec or is at fault, or {@code null}
 */
public record Origin(String field, String annotation, int annotationIndex, String attribute) {

    /**
     * {@link #annotationIndex()} of an origin that is not one of the field's Lamina annotations
     * (e.g. {@code @SuppressWarnings}); {@link #annotation()} then names the annotation type.
     */
    public static final int NOT_A_LAMINA_ANNOTATION = -1;

    /** The origin of the model class's {@code @Model} annotation. */
    public static Origin ofModel(String attribute) {
        return new Origin(null, "Model", 0, attribute);
    }

    /**
     * An origin on a non-Lamina annotation of a field ({@code field == null}: of the model class),
     * e.g. its {@code @SuppressWarnings}, found by the annotation type's simple or qualified name.
     */
    public static Origin ofOtherAnnotation(String field, String annotation, String attribute) {
        return new Origin(field, annotation, NOT_A_LAMINA_ANNOTATION, attribute);
    }

    /** Whether this origin is on a non-Lamina annotation ({@link #ofOtherAnnotation}). */
    public boolean isOtherAnnotation() {
        return annotationIndex == NOT_A_LAMINA_ANNOTATION;
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
