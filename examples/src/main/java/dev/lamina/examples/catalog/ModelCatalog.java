package dev.lamina.examples.catalog;

import dev.lamina.runtime.data.DatasetKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a model name given on the command line to its generated Net class.
 *
 * <p>Accepted forms: a {@code @Model} class's simple name ({@code FashionCnn}), its Net's simple
 * name ({@code FashionCnnNet}), a name relative to the example models' package ({@code
 * cifar.Plain}), or a fully qualified class name. Every generated Net in the jar is nameable: the
 * catalogue is read from the jar itself, not from a list kept by hand.
 */
public final class ModelCatalog {
    /** Package of the 28x28x1 example models (Fashion-MNIST, MNIST). */
    public static final String MODELS_28X28 = "dev.lamina.examples.models";
    /** Package of the CIFAR-10 family (3x32x32, 10 classes). */
    public static final String MODELS_CIFAR10 = "dev.lamina.examples.models.cifar";
    /** Package of the CIFAR-100 family (3x32x32, 100 classes). */
    public static final String MODELS_CIFAR100 = "dev.lamina.examples.models.cifar100";

    /** The root package of the example models; names in messages are relative to it. */
    static final String MODELS_ROOT = MODELS_28X28;

    private ModelCatalog() {
    }

    /**
     * The generated Net for {@code name}, looked up for the 28x28 models first (see {@link
     * #resolve(String, DatasetKind)}).
     *
     * @throws UnknownModelException when no generated class matches; its message lists
     *         {@link #available()}
     */
    public static GeneratedNet resolve(String name) {
        return resolve(name, DatasetKind.FASHION_MNIST);
    }

    /**
     * The generated Net for {@code name}: a simple name ({@code Plain}) is looked up in the package
     * of {@code dataset}'s models first ({@link #packageFor}), then among the 28x28 models, then in
     * any model package where it is unique; a dotted name is relative to {@value #MODELS_ROOT}
     * ({@code cifar.Plain}) or fully qualified. A {@code Net} suffix is optional.
     *
     * @throws UnknownModelException when no generated class matches; its message lists
     *         {@link #available()}
     */
    public static GeneratedNet resolve(String name, DatasetKind dataset) {
        List<String> packages = new ArrayList<>(List.of(packageFor(dataset), MODELS_28X28));
        if (name != null && !name.contains(".")) {
            List<String> holding = available().stream().filter(n -> n.endsWith("." + name))
                    .map(n -> MODELS_ROOT + "." + n.substring(0, n.lastIndexOf('.'))).toList();
            if (holding.size() == 1) {
                packages.add(holding.get(0));
            }
        }
        return find(name, packages).orElseThrow(() -> new UnknownModelException(name, available()));
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

    /**
     * Every model whose generated Net is in this jar (or classes directory), by the name the CLI
     * takes: simple for the 28x28 models ({@code FashionCnn}), relative to {@value #MODELS_ROOT}
     * for the others ({@code cifar.Plain}); sorted, 28x28 models first.
     */
    public static List<String> available() {
        List<String> found = new ArrayList<>();
        for (String className : ClassScan.classesUnder(ModelCatalog.class, MODELS_ROOT)) {
            if (!className.endsWith("Net") || load(className).filter(ModelCatalog::isGeneratedNet).isEmpty()) {
                continue;
            }
            String model = className.substring(MODELS_ROOT.length() + 1, className.length() - "Net".length());
            found.add(model);
        }
        found.sort(Comparator.comparing((String n) -> n.contains(".")).thenComparing(Comparator.naturalOrder()));
        return found;
    }

    private static Optional<GeneratedNet> find(String name, List<String> packages) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (name.contains(".")) {
            candidates.add(MODELS_ROOT + "." + name);
            candidates.add(MODELS_ROOT + "." + name + "Net");
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
