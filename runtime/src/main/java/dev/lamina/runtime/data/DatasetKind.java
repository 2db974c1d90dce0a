package dev.lamina.runtime.data;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.cifar.CifarFiles;
import dev.lamina.runtime.data.idx.MnistFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The datasets Lamina reads from a directory, by their command-line id. */
public enum DatasetKind {

    /** Zalando's Fashion-MNIST: 28x28 grey clothing images, 10 classes, IDX files. */
    FASHION_MNIST("fashion-mnist", 10, List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            Path.of("/usr/share/datasets/fashion-mnist"),
            "The Debian package dataset-fashion-mnist installs them there:"
                    + " sudo apt-get install dataset-fashion-mnist"),
    /** LeCun's handwritten digits: 28x28 grey, 10 classes, IDX files. */
    MNIST("mnist", 10, numbered(10), null, ""),
    /** CIFAR-10 binary version: 32x32 colour, 10 classes. */
    CIFAR10("cifar10", 10, List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck"), null, ""),
    /** CIFAR-100 binary version, fine labels: 32x32 colour, 100 classes. */
    CIFAR100("cifar100", 100, numbered(100), null, "");

    private final String id;
    private final int classes;
    private final List<String> classNames;
    private final Path defaultDirectory;
    private final String installHint;

    DatasetKind(String id, int classes, List<String> classNames, Path defaultDirectory,
                String installHint) {
        this.id = id;
        this.classes = classes;
        this.classNames = classNames;
        this.defaultDirectory = defaultDirectory;
        this.installHint = installHint;
    }

    /** The command-line id, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** Human-readable class names, indexed by label (numbers where the dataset has no names). */
    public List<String> classNames() {
        return classNames;
    }

    /** Where the dataset is installed by default, if it has such a place. */
    public Optional<Path> defaultDirectory() {
        return Optional.ofNullable(defaultDirectory);
    }

    /** The dataset read from {@code dir}; nothing is read until {@link DatasetSource#load()}. */
    public DatasetSource at(Path dir) {
        String hint = missingHint(dir);
        return switch (this) {
            case FASHION_MNIST, MNIST -> () -> MnistFiles.load(dir, id, classes, hint);
            case CIFAR10 -> () -> CifarFiles.loadCifar10(dir, hint);
            case CIFAR100 -> () -> CifarFiles.loadCifar100(dir, hint);
        };
    }

    /** What a missing-file message tells the user to do about {@code dir}. */
    String missingHint(Path dir) {
        return dir.equals(defaultDirectory) && !installHint.isEmpty() ? installHint
                : "Put the dataset's files there or pass the directory that holds them";
    }

    /**
     * The dataset in its default directory.
     *
     * @throws InvalidInputException when it has none (the user must name a directory)
     */
    public DatasetSource atDefault() {
        return at(defaultDirectory().orElseThrow(() -> new InvalidInputException(id
                + " has no default directory; pass the directory that holds its files (lamina: --data DIR)")));
    }

    /**
     * The kind with this id (case-insensitive; {@code _} and {@code -} are alike, so
     * {@code FASHION_MNIST} also works).
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static DatasetKind parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown dataset '" + id
                        + "'; known datasets: " + Arrays.stream(values()).map(DatasetKind::id)
                        .collect(Collectors.joining(", "))));
    }

    private static List<String> numbered(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }
}
