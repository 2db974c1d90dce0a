package dev.lamina.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every layer annotation the processor knows, by simple name: the bindings each kind's record
 * declares. {@code LayerKindsTest} checks that every record of {@link LayerSpec}'s
 * {@code permits} list but {@link SubModelSpec} is here, and that every annotation of package
 * {@code dev.lamina} that can sit on a field is known, so a kind cannot be left out silently; an
 * annotation of that package that is not here is the error {@code UnknownAnnotation} on the
 * user's field ({@link ModelReader}), never dropped.
 */
final class LayerKinds {

    private LayerKinds() {}

    static final List<LayerBinding> ALL = Stream.of(
                    ConvSpec.BINDINGS, DepthwiseConvSpec.BINDINGS, DenseSpec.BINDINGS, BatchNormSpec.BINDINGS, DropoutSpec.BINDINGS,
                    PoolSpec.BINDINGS, GlobalAvgPoolSpec.BINDINGS, GlobalMaxPoolSpec.BINDINGS,
                    FlattenSpec.BINDINGS, ActivationSpec.BINDINGS)
            .flatMap(List::stream)
            .toList();

    private static final Map<String, LayerBinding> BY_ANNOTATION = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(LayerBinding::annotation, Function.identity()));

    /** The binding of a layer annotation, by simple name. */
    static Optional<LayerBinding> find(String annotation) {
        return Optional.ofNullable(BY_ANNOTATION.get(annotation));
    }

    /** The simple names of every layer annotation, for tests and messages. */
    static List<String> annotations() {
        return ALL.stream().map(LayerBinding::annotation).toList();
    }
}
