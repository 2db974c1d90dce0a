package dev.lamina.examples.catalog;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.model.SavedModelInfo;
import dev.lamina.runtime.run.NetLocator;
import dev.lamina.runtime.run.RunDirectory;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a model name given on the command line to its generated Net.
 *
 * <p>Accepted forms: a {@code @Model} class's simple name ({@code FashionCnn}), its Net's simple
 * name ({@code FashionCnnNet}), or either as a fully qualified class name. Simple names are looked
 * up in the typed lists of example Nets ({@code ExampleNets}, a compile-time list of
 * {@code <Name>Net.NET} handles); a qualified name is loaded and its {@code NET} constant read
 * ({@link LaminaNet#of}), so a model outside the lists, e.g. a user's own, can be named too.
 */
public final class ModelCatalog {
    /** Package of the 28x28x1 example models (Fashion-MNIST, MNIST). */
    public static final String MODELS_28X28 = "dev.lamina.examples.models";
    /** Package of the CIFAR-10 family (3x32x32, 10 classes). */
    public static final String MODELS_CIFAR10 = "dev.lamina.examples.models.cifar";
    /** Package of the CIFAR-100 family (3x32x32, 100 classes). */
    public static final String MODELS_CIFAR100 = "dev.lamina.examples.models.cifar100";
    /** Package of the residual CIFAR-10 architectures (3x32x32, 10 classes), e.g. WRN-16-4. */
    public static final String MODELS_CIFAR10_RESIDUAL = "dev.lamina.examples.models.cifar.wrn";

    /** The typed handles of the example models, by package. */
    private static final Map<String, List<LaminaNet>> NETS = Map.of(
            MODELS_28X28, ExampleNets.MODELS_28X28,
            MODELS_CIFAR10, ExampleNets.CIFAR10,
            MODELS_CIFAR100, ExampleNets.CIFAR100,
            MODELS_CIFAR10_RESIDUAL, ExampleNets.CIFAR10_RESIDUAL);

    private ModelCatalog() {
    }

    /**
     * The generated Net for {@code name}.
     *
     * @throws UnknownModelException when no generated class matches; its message lists
     *         {@link #available()}
     */
    public static GeneratedNet resolve(String name) {
        return resolve(name, DatasetKind.FASHION_MNIST);
    }

    /**
     * The model a run trained, as its saved model names it ({@link RunDirectory#recordedNetClass}).
     *
     * @param instead what to do when the run does not say, for the message
     * @throws InvalidInputException when the run has no saved model (it has not ended)
     */
    public static GeneratedNet recordedIn(RunDirectory run, String instead) {
        return run.recordedNetClass().map(ModelCatalog::resolve).orElseThrow(() -> new InvalidInputException(run
                + " does not say which model it trained (no " + run.modelDir().resolve(SavedModelInfo.FILE)
                + "); " + instead));
    }

    /**
     * The generated Net for {@code name}: a simple name ({@code Plain}) is looked up among the
     * models of {@code dataset}'s family first ({@link #packageFor}), then among the 28x28 models,
     * then in any family where it is unique; a dotted name is relative to {@value #MODELS_28X28}
     * ({@code cifar.Plain}) or fully qualified.
     *
     * @throws UnknownModelException when no generated class matches; its message lists
     *         {@link #available()}
     */
    public static GeneratedNet resolve(String name, DatasetKind dataset) {
        List<String> packages = new ArrayList<>(List.of(packageFor(dataset), MODELS_28X28));
        NETS.forEach((pkg, nets) -> {
            if (!packages.contains(pkg) && nets.stream().anyMatch(n -> n.name().equals(name))) {
                packages.add(pkg);
            }
        });
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

    /** The example models of {@code modelPackage} (one of the {@code MODELS_*}), in table order. */
    public static List<LaminaNet> nets(String modelPackage) {
        return NETS.getOrDefault(modelPackage, List.of());
    }

    /**
     * Every example model by the name the commands take: simple for the 28x28x1 models ({@code
     * FashionCnn}), with the family's package for the others ({@code cifar.Plain}, {@code
     * cifar100.Plain}, {@code cifar.wrn.WideResNet16x4}); listed by {@code lamina summary} and in error messages.
     */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (String pkg : List.of(MODELS_28X28, MODELS_CIFAR10, MODELS_CIFAR100, MODELS_CIFAR10_RESIDUAL)) {
            String prefix = pkg.equals(MODELS_28X28) ? "" : pkg.substring(MODELS_28X28.length() + 1) + ".";
            nets(pkg).forEach(net -> names.add(prefix + net.name()));
        }
        return names;
    }

    private static Optional<GeneratedNet> find(String name, List<String> packages) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        NetLocator user = userClasses();
        if (name.contains(".")) {
            // relative to the 28x28 package first (cifar.Plain), then fully qualified
            return user.find(MODELS_28X28 + "." + name).or(() -> user.find(name)).map(GeneratedNet::of);
        }
        return packages.stream()
                .flatMap(pkg -> nets(pkg).stream())
                .filter(net -> net.name().equals(name) || net.netClass().getSimpleName().equals(name))
                .findFirst()
                .or(() -> user.find(name))
                .map(GeneratedNet::of);
    }

    /**
     * The runtime's lookup over the thread's context class loader (where {@code lamina --classpath}
     * puts a user's classes), else this class's own; a simple name is looked for in the folders and
     * jars of {@code --classpath}.
     */
    private static NetLocator userClasses() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : ModelCatalog.class.getClassLoader();
        List<Path> roots = new ArrayList<>();
        if (loader instanceof URLClassLoader urls && loader != ModelCatalog.class.getClassLoader()) {
            for (URL url : urls.getURLs()) {
                try {
                    roots.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: nothing to search there
                }
            }
        }
        return new NetLocator(loader, roots);
    }
}
