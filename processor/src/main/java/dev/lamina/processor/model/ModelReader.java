package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns a {@code @Model} class into a {@link ModelSpec}: the only code of the processor that
 * reads {@code javax.lang.model}. Annotations are read by qualified name (the processor does not
 * depend on the runtime), with their defaults. It does not judge values: range checks belong to
 * {@link SpecValidator}, shapes to the shape package.
 */
public final class ModelReader {

    static final String PKG = "dev.lamina.";
    static final String MODEL = PKG + "Model";
    static final String RESIDUAL = PKG + "Residual";

    /** The result of reading one class: its spec, where its parts are, and reading problems. */
    public record Read(ModelSpec spec, SourceLocator locator, List<Finding> problems) {}

    private final Elements elements;
    private final Deque<String> reading = new ArrayDeque<>();
    /**
     * Models already read by this reader (the processor makes one per round): a model used by many
     * fields, at many depths or by many models is read once, so a chain where each level holds two
     * copies of the next is read in linear, not exponential, time.
     */
    private final Map<String, Read> done = new java.util.HashMap<>();
    /**
     * Models that were being read when a cycle of sub-models was found: what their read reports
     * depends on where the cycle was entered, so they are read again for each {@link #read}.
     */
    private final Set<String> cyclic = new HashSet<>();

    public ModelReader(Elements elements) {
        this.elements = elements;
    }

    /**
     * Reads a class annotated with {@code @Model}.
     *
     * @throws UnresolvedSourceException when an attribute of the model or of a sub-model refers to
     *     something javac cannot resolve (yet): javac reports that error itself
     */
    public Read read(TypeElement type) {
        reading.clear();
        done.keySet().removeAll(cyclic);
        String name = type.getQualifiedName().toString();
        Read read = done.get(name);
        if (read == null) {
            read = readModel(type);
            done.put(name, read);
        }
        return read;
    }

    private Read readModel(TypeElement type) {
        String qualifiedName = type.getQualifiedName().toString();
        reading.push(qualifiedName);
        try {
            AnnotationMirror model = mirror(type, MODEL).orElseThrow(
                    () -> new IllegalArgumentException(qualifiedName + " has no @Model"));
            SourceLocator locator = new SourceLocator(type, model);
            List<Finding> problems = new ArrayList<>();
            List<LayerSpec> layers = new ArrayList<>();
            Set<String> usedNames = new HashSet<>();
            Map<String, Set<String>> fieldSuppressions = new LinkedHashMap<>();
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() != ElementKind.FIELD && member.getKind() != ElementKind.ENUM_CONSTANT) {
                    continue;
                }
                // enum constants are static fields too (of a @Model enum): never layers
                if (member.getKind() == ElementKind.ENUM_CONSTANT || member.getModifiers().contains(Modifier.STATIC)) {
                    rejectStaticLayer((VariableElement) member, locator, problems);
                    continue;
                }
                readField((VariableElement) member, locator, layers, usedNames, problems);
                Set<String> suppressed = suppressions(member);
                if (!suppressed.isEmpty()) {
                    fieldSuppressions.put(member.getSimpleName().toString(), suppressed);
                }
            }
            rejectLayersInSuperclasses(type, problems);
            Map<String, AnnotationValue> values = values(model);
            String name = (String) values.get("name").getValue();
            List<Integer> input = ((List<?>) values.get("input").getValue()).stream()
                    .map(v -> (Integer) ((AnnotationValue) v).getValue())
                    .toList();
            String simpleName = type.getSimpleName().toString();
            ModelSpec spec = new ModelSpec(packageName(type), simpleName, qualifiedName,
                    name.isEmpty() ? ModelSpec.defaultNetName(simpleName) : name, input, layers, suppressions(type),
                    fieldSuppressions, role(values.get("role")), task(values.get("task")));
            return new Read(spec, locator, problems);
        } finally {
            reading.pop();
        }
    }

    /**
     * {@code @Model(role)}: null for {@code DEFAULT}, and for a runtime older than the attribute
     * (its {@code @Model} has no {@code role}).
     */
    private static ModelRole role(AnnotationValue value) {
        if (value == null || !(value.getValue() instanceof VariableElement constant)) {
            return null;
        }
        String name = constant.getSimpleName().toString();
        return name.equals("DEFAULT") ? null : ModelRole.valueOf(name);
    }

    /**
     * {@code @Model(task)}: {@code MULTI_CLASS} when left out, and for a runtime older than the
     * attribute (its {@code @Model} has no {@code task}).
     */
    private static ModelTask task(AnnotationValue value) {
        if (value == null || !(value.getValue() instanceof VariableElement constant)) {
            return ModelTask.MULTI_CLASS;
        }
        return ModelTask.valueOf(constant.getSimpleName().toString());
    }

    /**
     * A model's layers are its own fields: each superclass that declares layers (issue 21,
     * failure 5) is the error {@code LayersInSuperclass}, so no Net silently lacks them.
     */
    private void rejectLayersInSuperclasses(TypeElement type, List<Finding> problems) {
        for (TypeElement superclass : superclassesWithLayers(type)) {
            problems.add(Problem.layersInSuperclass(type.getSimpleName().toString(),
                    superclass.getQualifiedName().toString(), superclass.getSimpleName().toString(),
                    layerFields(superclass)));
        }
    }

    /** The superclasses of {@code type} (nearest first) that declare layer fields. */
    public List<TypeElement> superclassesWithLayers(TypeElement type) {
        List<TypeElement> found = new ArrayList<>();
        TypeMirror superclass = type.getSuperclass();
        while (superclass instanceof DeclaredType declared && declared.asElement() instanceof TypeElement parent
                && !parent.getQualifiedName().contentEquals("java.lang.Object")) {
            if (!layerFields(parent).isEmpty()) {
                found.add(parent);
            }
            superclass = parent.getSuperclass();
        }
        return found;
    }

    /** Names of the instance fields of {@code type} that would be layers of a model: Lamina-annotated or of a @Model type. */
    private List<String> layerFields(TypeElement type) {
        return type.getEnclosedElements().stream()
                .filter(member -> member.getKind() == ElementKind.FIELD && !member.getModifiers().contains(Modifier.STATIC))
                .filter(field -> !laminaAnnotations(field).isEmpty() || modelType(field.asType()).isPresent())
                .map(field -> field.getSimpleName().toString())
                .toList();
    }

    /** A static field is no layer: one with a Lamina annotation would be lost silently. */
    private static void rejectStaticLayer(VariableElement field, SourceLocator locator, List<Finding> problems) {
        List<AnnotationMirror> lamina = laminaAnnotations(field);
        if (lamina.isEmpty()) {
            return;
        }
        String fieldName = field.getSimpleName().toString();
        locator.addField(fieldName, field, lamina);
        boolean constant = field.getKind() == ElementKind.ENUM_CONSTANT;
        problems.add(Problem.staticLayerField(new Origin(fieldName, simpleName(lamina.get(0)), 0, null), constant));
    }

    private static List<AnnotationMirror> laminaAnnotations(Element field) {
        return field.getAnnotationMirrors().stream()
                .filter(m -> qualifiedName(m).startsWith(PKG))
                .map(m -> (AnnotationMirror) m)
                .toList();
    }

    private void readField(VariableElement field, SourceLocator locator, List<LayerSpec> layers,
                           Set<String> usedNames, List<Finding> problems) {
        String fieldName = field.getSimpleName().toString();
        if (field.asType().getKind() == TypeKind.ERROR) {
            // a type javac has not resolved (yet): it may be a sub-model generated in a later round;
            // if it never resolves, javac's own "cannot find symbol" is the whole story (issue 21.25:
            // not ResidualWithoutSubModel beside it)
            throw new UnresolvedSourceException("the type of field " + fieldName);
        }
        List<AnnotationMirror> lamina = laminaAnnotations(field);
        locator.addField(fieldName, field, lamina);
        Optional<TypeElement> subModel = modelType(field.asType());
        List<LayerSpec> fieldLayers = new ArrayList<>();
        Names names = new Names(fieldName, usedNames);
        if (subModel.isPresent()) {
            readSubModel(field, subModel.get(), lamina, names, fieldLayers, problems);
        } else {
            for (int i = 0; i < lamina.size(); i++) {
                if (qualifiedName(lamina.get(i)).equals(RESIDUAL)) {
                    problems.add(Problem.residualWithoutSubModel(new Origin(fieldName, "Residual", i, null),
                            fieldName, field.asType().toString()));
                }
            }
        }
        for (int i = 0; i < lamina.size(); i++) {
            AnnotationMirror mirror = lamina.get(i);
            if (qualifiedName(mirror).equals(RESIDUAL)) {
                continue; // read with the sub-model, or reported above
            }
            String annotation = simpleName(mirror);
            Origin origin = new Origin(fieldName, annotation, i, null);
            Optional<LayerBinding> binding = LayerKinds.find(annotation)
                    .filter(b -> qualifiedName(mirror).equals(PKG + b.annotation()));
            if (binding.isEmpty()) {
                problems.add(Problem.unknownAnnotation(origin, qualifiedName(mirror), LayerKinds.annotations()));
                continue;
            }
            binding.get().reader().read(origin, new Attributes(plainValues(mirror)), names, fieldLayers);
        }
        layers.addAll(fieldLayers);
    }

    private void readSubModel(VariableElement field, TypeElement type, List<AnnotationMirror> lamina,
                              Names names, List<LayerSpec> out, List<Finding> problems) {
        int residualIndex = -1;
        for (int i = 0; i < lamina.size(); i++) {
            if (qualifiedName(lamina.get(i)).equals(RESIDUAL)) {
                residualIndex = i;
            }
        }
        boolean residual = residualIndex >= 0;
        boolean projection = residual
                && (Boolean) values(lamina.get(residualIndex)).get("projection").getValue();
        String fieldName = field.getSimpleName().toString();
        Origin origin = new Origin(fieldName, residual ? "Residual" : type.getSimpleName().toString(),
                residualIndex, null);
        String qualified = type.getQualifiedName().toString();
        if (reading.contains(qualified)) {
            cyclic.addAll(reading);
            List<String> path = new ArrayList<>(reading);
            java.util.Collections.reverse(path);
            path.add(qualified);
            problems.add(Problem.subModelCycle(origin, fieldName,
                    residual ? "@Residual" : type.getSimpleName().toString(), type.getSimpleName().toString(), path));
            return;
        }
        Read inner = done.get(qualified);
        if (inner == null) {
            inner = readModel(type);
            done.put(qualified, inner);
        }
        problems.addAll(inner.problems().stream()
                .map(f -> f.at(origin))
                .toList());
        out.add(new SubModelSpec(names.first(), origin, inner.spec(), residual, projection));
    }

    /** Whether the class carries {@code @Model}. */
    public static boolean isModel(TypeElement type) {
        return mirror(type, MODEL).isPresent();
    }

    private Optional<TypeElement> modelType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return mirror(element, MODEL).map(m -> element);
    }

    private Set<String> suppressions(Element element) {
        return mirror(element, "java.lang.SuppressWarnings")
                .map(m -> ((List<?>) values(m).get("value").getValue()).stream()
                        .map(v -> (String) ((AnnotationValue) v).getValue())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }

    private String packageName(TypeElement type) {
        PackageElement pkg = elements.getPackageOf(type);
        return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    }

    private static Optional<AnnotationMirror> mirror(Element element, String qualifiedName) {
        return element.getAnnotationMirrors().stream()
                .filter(m -> qualifiedName(m).equals(qualifiedName))
                .map(m -> (AnnotationMirror) m)
                .findFirst();
    }

    private Map<String, AnnotationValue> values(AnnotationMirror mirror) {
        Map<String, AnnotationValue> values = new LinkedHashMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (erroneous(e.getKey().getReturnType(), e.getValue().getValue())) {
                throw new UnresolvedSourceException(simpleName(mirror) + "." + e.getKey().getSimpleName());
            }
            values.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
        return values;
    }

    /**
     * Whether javac could not resolve a value (e.g. {@code filters = MISSING}): it then hands
     * processors a placeholder string whatever the attribute's type.
     */
    private static boolean erroneous(TypeMirror type, Object value) {
        if (type.getKind() == TypeKind.ARRAY) {
            if (!(value instanceof List<?> list)) {
                return true;
            }
            TypeMirror component = ((javax.lang.model.type.ArrayType) type).getComponentType();
            return list.stream().anyMatch(v -> erroneous(component, ((AnnotationValue) v).getValue()));
        }
        boolean isString = type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
        return value instanceof String && !isString;
    }

    /** Attribute values as plain Java: numbers, booleans, strings, enum constant names, lists. */
    private Map<String, Object> plainValues(AnnotationMirror mirror) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values(mirror).forEach((name, value) -> plain.put(name, plain(value.getValue())));
        return plain;
    }

    private static Object plain(Object value) {
        if (value instanceof VariableElement constant) {
            return constant.getSimpleName().toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> plain(((AnnotationValue) v).getValue())).toList();
        }
        return value;
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    private static String simpleName(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }
}
