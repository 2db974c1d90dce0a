package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * Prints how fast the data pipeline is: loading a dataset, then one epoch of batches with and
 * without augmentation and prefetch (the consumer does nothing, so this is the pipeline alone).
 * Not a test. From {@code runtime/} after {@code mvn -o -q test-compile}:
 * {@code java -cp target/classes:target/test-classes dev.lamina.runtime.data.DataBenchmark
 * [KIND [DIR]]} (default: fashion-mnist in its default directory).
 */
public final class DataBenchmark {

    private DataBenchmark() {}

    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "fashion-mnist";
        Path dir = args.length > 1 ? Path.of(args[1]) : null;
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            DataSplits splits = Datasets.load(kind, dir);
            System.out.printf("load %s (round %d): %d train + %d test images in %.3f s%n", kind,
                    round, splits.train().size(), splits.test().size(), seconds(start));
        }
        DataSplits splits = Datasets.load(kind, dir);
        Normalization normalization = Normalization.fit(splits.train());
        BatchOptions plain = BatchOptions.training(128, 1).withNormalization(normalization);
        BatchOptions augmented = plain.withAugmentation(
                Augmentation.standard(DatasetKind.parse(kind)));
        for (int prefetch : new int[] {0, BatchOptions.DEFAULT_PREFETCH}) {
            epoch("normalized", splits.train(), plain.withPrefetch(prefetch));
            epoch("augmented+normalized", splits.train(), augmented.withPrefetch(prefetch));
        }
    }

    /** Prints how long one epoch of batches takes when the consumer does nothing. */
    public static void epoch(String what, ExampleSet data, BatchOptions options) {
        long start = System.nanoTime();
        long images = 0;
        try (BatchStream stream = BatchStream.open(data, options, 0)) {
            for (Batch batch : stream) {
                images += batch.size();
            }
        }
        double s = seconds(start);
        System.out.printf("epoch %-22s prefetch %d: %d images in %.3f s (%.0f images/s)%n", what,
                options.prefetch(), images, s, images / s);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
