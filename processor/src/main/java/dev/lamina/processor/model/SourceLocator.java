package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Maps the plain {@link Origin}s of one model back to javac's elements, so the report layer can
 * put a diagnostic on the exact annotation (and attribute value). Built by {@link ModelReader};
 * the rest of the processor treats the returned {@link Place} as opaque.
 */
public final class SourceLocator {

    /** Where a diagnostic goes: element, optional annotation, optional attribute value. */
    public record Place(Element element, AnnotationMirror annotation, AnnotationValue value) {}

    private final Element modelClass;
    private final AnnotationMirror modelAnnotation;
    private final Map<String, Element> fields = new HashMap<>();
    private final Map<String, List<AnnotationMirror>> fieldAnnotations = new HashMap<>();

    SourceLocator(Element modelClass, AnnotationMirror modelAnnotation) {
        this.modelClass = modelClass;
        this.modelAnnotation = modelAnnotation;
    }

    void addField(String name, Element field, List<AnnotationMirror> laminaAnnotations) {
        fields.put(name, field);
        fieldAnnotations.put(name, List.copyOf(laminaAnnotations));
    }

    /** The model class element (the originating element of its generated Net). */
    public Element modelClass() {
        return modelClass;
    }

    /** The place of an origin; falls back to the field, then the class, never fails. */
    public Place locate(Origin origin) {
        if (origin != null && origin.isOtherAnnotation()) {
            return locateOther(origin);
        }
        if (origin == null || origin.isModel() || !fields.containsKey(origin.field())) {
            AnnotationValue value = origin == null ? null : valueOf(modelAnnotation, origin.attribute());
            return new Place(modelClass, modelAnnotation, value);
        }
        Element field = fields.get(origin.field());
        List<AnnotationMirror> annotations = fieldAnnotations.get(origin.field());
        int index = origin.annotationIndex();
        if (index < 0 || index >= annotations.size()) {
            return new Place(field, null, null);
        }
        AnnotationMirror mirror = annotations.get(index);
        return new Place(field, mirror, valueOf(mirror, origin.attribute()));
    }

    /**
     * An origin on a non-Lamina annotation ({@link Origin#ofOtherAnnotation}), e.g. the
     * {@code @SuppressWarnings} of a field ({@code field == null}: of the class): found by the
     * annotation type's simple or qualified name; falls back to the field or class itself.
     */
    private Place locateOther(Origin origin) {
        Element element = origin.isModel() ? modelClass : fields.getOrDefault(origin.field(), modelClass);
        AnnotationMirror mirror = element.getAnnotationMirrors().stream()
                .filter(m -> named(m, origin.annotation()))
                .map(m -> (AnnotationMirror) m)
                .findFirst()
                .orElse(null);
        return new Place(element, mirror, valueOf(mirror, origin.attribute()));
    }

    private static boolean named(AnnotationMirror mirror, String name) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        return type.getSimpleName().contentEquals(name) || type.getQualifiedName().contentEquals(name);
    }

    /** The explicitly written value of an attribute (defaults have no source position). */
    private static AnnotationValue valueOf(AnnotationMirror mirror, String attribute) {
        if (mirror == null || attribute == null) {
            return null;
        }
        return mirror.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals(attribute))
                .map(Map.Entry<? extends ExecutableElement, ? extends AnnotationValue>::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Lookup of a field element by name (for tests and reporting). */
    public Optional<Element> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
