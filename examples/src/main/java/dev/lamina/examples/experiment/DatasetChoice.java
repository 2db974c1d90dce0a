package dev.lamina.examples.experiment;

import dev.lamina.examples.catalog.ModelCatalog;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The datasets the CLI can train on, with their default directory and model package. */
public enum DatasetChoice {
    FASHION_MNIST("fashion-mnist", "/usr/share/datasets/fashion-mnist", ModelCatalog.MODELS_28X28),
    MNIST("mnist", "/usr/share/datasets/mnist", ModelCatalog.MODELS_28X28),
    CIFAR10("cifar10", "/usr/share/datasets/cifar-10", ModelCatalog.MODELS_CIFAR10),
    CIFAR100("cifar100", "/usr/share/datasets/cifar-100", ModelCatalog.MODELS_CIFAR100);

    private final String id;
    private final Path defaultDir;
    private final String modelPackage;

    DatasetChoice(String id, String defaultDir, String modelPackage) {
        this.id = id;
        this.defaultDir = Path.of(defaultDir);
        this.modelPackage = modelPackage;
    }

    /** The command-line spelling, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** Where the data is read from when {@code --data} is not given. */
    public Path defaultDir() {
        return defaultDir;
    }

    /** Package holding the experiment family built for this dataset's image shape and classes. */
    public String modelPackage() {
        return modelPackage;
    }

    /** Parses a command-line spelling (case-insensitive); the error lists the valid ones. */
    public static DatasetChoice parse(String text) {
        for (DatasetChoice choice : values()) {
            if (choice.id.equals(text.toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new IllegalArgumentException("Unknown dataset '" + text + "'; choose one of "
                + Arrays.stream(values()).map(DatasetChoice::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
