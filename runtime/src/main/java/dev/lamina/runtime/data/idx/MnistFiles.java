package dev.lamina.runtime.data.idx;

import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory layout of MNIST and Fashion-MNIST: the four standard IDX file names, each either
 * gzipped ({@code .gz}) or raw.
 */
public final class MnistFiles {

    /** Standard base names; each may also carry a {@code .gz} suffix. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Standard base name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Standard base name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Standard base name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    private MnistFiles() {}

    /**
     * Loads the training and test sets from {@code dir}.
     *
     * @param dataset the dataset's id, used in set names and messages (e.g. {@code "fashion-mnist"})
     * @param classes number of classes (10 for both MNIST and Fashion-MNIST)
     * @param hint what to do when a file is missing, appended to the message
     */
    public static DataSplits load(Path dir, String dataset, int classes, String hint) {
        return new DataSplits(
                IdxReader.read(find(dir, TRAIN_IMAGES, dataset, hint),
                        find(dir, TRAIN_LABELS, dataset, hint), dataset + " train", classes),
                IdxReader.read(find(dir, TEST_IMAGES, dataset, hint),
                        find(dir, TEST_LABELS, dataset, hint), dataset + " test", classes));
    }

    private static Path find(Path dir, String base, String dataset, String hint) {
        return DatasetFiles.find(dir, List.of(""), List.of(base + ".gz", base),
                dataset + " file " + base, hint);
    }
}
