package dev.lamina.processor.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every layer annotation the processor knows, by simple name: the bindings each kind's record
 * declares in its static {@code BINDINGS} list, read from the records {@link LayerKind} permits
 * (its {@code permits} list is the one registry, and a record not in it does not compile).
 * {@code LayerKindsTest} checks that every annotation of package {@code dev.lamina} that can sit on
 * a field is known; an annotation of that package that is not is the error
 * {@code UnknownAnnotation} on the user's field ({@link ModelReader}), never dropped.
 */
final class LayerKinds {

    private LayerKinds() {}

    static final List<LayerBinding> ALL = Arrays.stream(LayerKind.class.getPermittedSubclasses())
            .flatMap(kind -> bindings(kind).stream())
            .toList();

    private static final Map<String, LayerBinding> BY_ANNOTATION = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(LayerBinding::annotation, Function.identity()));

    /** The {@code BINDINGS} of a kind's record (a static field of this package: no access check to bypass). */
    private static List<LayerBinding> bindings(Class<?> kind) {
        try {
            List<?> bindings = (List<?>) kind.getDeclaredField("BINDINGS").get(null);
            return bindings.stream().map(LayerBinding.class::cast).toList();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(kind.getSimpleName() + " declares no static List<LayerBinding> BINDINGS", e);
        }
    }

    /** The binding of a layer annotation, by simple name. */
    static Optional<LayerBinding> find(String annotation) {
        return Optional.ofNullable(BY_ANNOTATION.get(annotation));
    }

    /** The simple names of every layer annotation, for tests and messages. */
    static List<String> annotations() {
        return ALL.stream().map(LayerBinding::annotation).toList();
    }
}
