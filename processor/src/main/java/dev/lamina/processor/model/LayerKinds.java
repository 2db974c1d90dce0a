package dev.lamina.processor.model;

import java.util.Arrays;
import java.util.Comparator;
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

    /** Every binding, by annotation name (the JDK leaves the order of a {@code permits} list unspecified). */
    static final List<LayerBinding> ALL = Arrays.stream(LayerKind.class.getPermittedSubclasses())
            .flatMap(kind -> bindings(kind).stream())
            .sorted(Comparator.comparing(LayerBinding::annotation))
            .toList();

    private static final Map<String, LayerBinding> BY_ANNOTATION = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(LayerBinding::annotation, Function.identity()));

    /**
     * The {@code BINDINGS} of a kind's record (a static field of this package: no access check to
     * bypass). javac cannot require a static field, so a kind without one fails here, at the first
     * model of a compilation, with this message (and {@code LayerKindsTest} fails first).
     */
    private static List<LayerBinding> bindings(Class<?> kind) {
        if (!kind.isRecord()) {
            throw new IllegalStateException(kind.getName() + " is permitted by LayerKind but is no record: a layer kind is one record");
        }
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
