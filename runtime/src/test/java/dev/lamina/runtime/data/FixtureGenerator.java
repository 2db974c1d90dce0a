package dev.lamina.runtime.data;

import dev.lamina.runtime.data.idx.MnistFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes the committed fixture {@code src/test/resources/fixtures/fashion-mnist-small}: from the
 * real Fashion-MNIST files, the first 60 training images of each class (600) and the first 20
 * test images of each class (200), in file order, as gzipped IDX files with the standard names.
 *
 * <p>Run from {@code runtime/}: {@code java -cp target/classes:target/test-classes
 * dev.lamina.runtime.data.FixtureGenerator [SOURCE_DIR [TARGET_DIR]]}.
 */
public final class FixtureGenerator {

    /** Training images kept per class. */
    public static final int TRAIN_PER_CLASS = 60;
    /** Test images kept per class. */
    public static final int TEST_PER_CLASS = 20;

    private FixtureGenerator() {}

    public static void main(String[] args) {
        Path source = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Path target = Path.of(args.length > 1 ? args[1]
                : "src/test/resources/fixtures/fashion-mnist-small");
        int train = copy(source, target, MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS,
                TRAIN_PER_CLASS);
        int test = copy(source, target, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS,
                TEST_PER_CLASS);
        System.out.println("wrote " + train + " training and " + test + " test images to "
                + target.toAbsolutePath());
    }

    private static int copy(Path source, Path target, String imagesName, String labelsName,
                            int perClass) {
        ByteBuffer images = ByteBuffer.wrap(DatasetFiles.readAll(source.resolve(imagesName + ".gz")));
        byte[] labels = DatasetFiles.readAll(source.resolve(labelsName + ".gz"));
        int rows = images.getInt(8);
        int cols = images.getInt(12);
        int size = rows * cols;
        int[] taken = new int[10];
        ByteArrayOutputStream keptPixels = new ByteArrayOutputStream();
        ByteArrayOutputStream keptLabels = new ByteArrayOutputStream();
        for (int i = 0; i < labels.length - 8; i++) {
            int label = labels[8 + i];
            if (taken[label] < perClass) {
                taken[label]++;
                keptPixels.write(images.array(), 16 + i * size, size);
                keptLabels.write(label);
            }
        }
        int count = keptLabels.size();
        IdxWriter.write(target.resolve(imagesName + ".gz"),
                IdxWriter.images(count, rows, cols, keptPixels.toByteArray()), true);
        IdxWriter.write(target.resolve(labelsName + ".gz"),
                IdxWriter.labels(keptLabels.toByteArray()), true);
        return count;
    }
}
