package dev.lamina.examples.catalog;

import dev.lamina.runtime.data.DatasetKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a model name given on the command line to its generated Net class.
 *
 * <p>Accepted forms: a {@code @Model} class's simple name ({@code FashionCnn}), its Net's simple
 * name ({@code FashionCnnNet}), or either as a fully qualified class name. Simple names are looked
 * up in the example model packages, 28x28x1 first.
 */
public final class ModelCatalog {
    /** Package of the 28x28x1 example models (Fashion-MNIST, MNIST). */
    public static final String MODELS_28X28 = "dev.lamina.examples.models";
    /** Package of the CIFAR-10 family (3x32x32, 10 classes). */
    public static final String MODELS_CIFAR10 = "dev.lamina.examples.models.cifar";
    /** Package of the CIFAR-100 family (3x32x32, 100 classes). */
    public static final String MODELS_CIFAR100 = "dev.lamina.examples.models.cifar100";

    /** The example models, by simple name, as listed in {@code --help} and error messages. */
    private static final List<String> EXAMPLES = List.of(
            "FashionCnn", "FashionCnnFlatHead", "Plain", "DropoutBetweenConvs10", "DropoutBetweenConvs20",
            "DropoutBetweenConvs30", "DropoutBetweenConvs40", "DropoutBetweenConvs50",
            "SpatialDropoutConvs", "BatchNormConvs", "BatchNormFcDropout",
            "Seed001MnistCnn", "Seed001MnistCnnBn");

    private ModelCatalog() {
    }

    /**
     * The generated Net for {@code name}.
     *
     * @throws UnknownModelException when no generated class matches; its message lists
     *         {@link #available()}
     */
    public static GeneratedNet resolve(String name) {
        return find(name, List.of(MODELS_28X28))
                .orElseThrow(() -> new UnknownModelException(name, available()));
    }

    /** The generated Net for the simple model name {@code name} in {@code modelPackage}. */
    public static GeneratedNet resolveIn(String name, String modelPackage) {
        return find(name, List.of(modelPackage))
                .orElseThrow(() -> new UnknownModelException(modelPackage + "." + name,
                        available()));
    }

    /** The package of the experiment family built for {@code dataset}'s image shape and classes. */
    public static String packageFor(DatasetKind dataset) {
        return switch (dataset) {
            case FASHION_MNIST, MNIST -> MODELS_28X28;
            case CIFAR10 -> MODELS_CIFAR10;
            case CIFAR100 -> MODELS_CIFAR100;
        };
    }

    /** Simple names of the example models whose Net class exists on the class path. */
    public static List<String> available() {
        List<String> found = new ArrayList<>();
        for (String name : EXAMPLES) {
            if (find(name, List.of(MODELS_28X28)).isPresent()) {
                found.add(name);
            }
        }
        return found;
    }

    private static Optional<GeneratedNet> find(String name, List<String> packages) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (name.contains(".")) {
            candidates.add(name);
            candidates.add(name + "Net");
        } else {
            for (String pkg : packages) {
                candidates.add(pkg + "." + name);
                candidates.add(pkg + "." + name + "Net");
            }
        }
        for (String candidate : candidates) {
            Optional<Class<?>> net = load(candidate).filter(ModelCatalog::isGeneratedNet);
            if (net.isPresent()) {
                return Optional.of(GeneratedNet.of(net.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean isGeneratedNet(Class<?> type) {
        try {
            type.getMethod("newBlock");
            return type.getSimpleName().endsWith("Net");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, ModelCatalog.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
