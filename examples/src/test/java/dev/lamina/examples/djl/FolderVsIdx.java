package dev.lamina.examples.djl;

import dev.lamina.examples.models.FashionCnnNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.ExampleSet;
import dev.lamina.runtime.data.LabeledImages;
import dev.lamina.runtime.data.image.ImageFolderExport;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.device.DeviceChoice;
import dev.lamina.runtime.train.LearningRateSchedule;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Fashion-MNIST through the IDX path and through the image-folder path, same model, seed and
 * settings (those of {@code lamina train}: 2 epochs, batch 64, lr 0.003 cosine:0.05, 10%
 * validation, seed 42). Exports a stratified subset of N training and M test images (0: all) as
 * PNGs into OUT, then trains FashionCnn on the IDX arrays and on the folder. Not a test: the
 * measurement in docs/data.md. From the repository root after {@code mvn -o -q test-compile}:
 * {@code java -cp "examples/target/classes:examples/target/test-classes:runtime/target/classes:$(cat runtime/target/cp.txt):PICOCLI_JAR"
 * dev.lamina.examples.djl.FolderVsIdx N M OUT [idx-in-folder-order]}.
 */
public final class FolderVsIdx {

    private FolderVsIdx() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int m = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        DataSplits idx = DatasetKind.FASHION_MNIST.atDefault().load();
        LabeledImages train = LabeledImages.copyOf(n > 0 ? idx.train().subset(n, 1) : idx.train());
        LabeledImages test = LabeledImages.copyOf(m > 0 ? idx.test().subset(m, 1) : idx.test());
        ImageFolderExport.write(train, DatasetKind.FASHION_MNIST.classNames(), out.resolve("png/train"));
        ImageFolderExport.write(test, DatasetKind.FASHION_MNIST.classNames(), out.resolve("png/test"));
        if (args.length > 3 && args[3].equals("idx-in-folder-order")) {
            // The IDX arrays put in the folder's order (class by class, by index): the batches are
            // then the same as the folder's, so only the conversion could make the runs differ.
            fit("idx in folder order", inFolderOrder(train), inFolderOrder(test));
            return;
        }
        DataSplits folder = ImageFolders.load(out.resolve("png"), 1, 28, 28).splits();
        double viaFolder = fit("folder", folder.train(), folder.test());
        double viaIdx = fit("idx", train, test);
        System.out.printf(Locale.ROOT, "FashionCnn, %d training + %d test images, 2 epochs, seed 42: test accuracy"
                + " IDX %.4f, PNG folder %.4f, difference %.4f%n", train.size(), test.size(), viaIdx, viaFolder,
                viaFolder - viaIdx);
    }

    private static LabeledImages inFolderOrder(LabeledImages set) {
        int[] order = java.util.stream.IntStream.range(0, set.size()).boxed()
                .sorted(java.util.Comparator.comparingInt((Integer i) -> set.labels()[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        return set.select(set.name(), order);
    }

    private static double fit(String name, ExampleSet train, ExampleSet test) {
        DataSplits splits = new DataSplits(train, test).withValidation(0.1, 42);
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(64).learningRate(0.003f)
                .schedule(LearningRateSchedule.parse("cosine:0.05")).seed(42).device(DeviceChoice.cpu())
                .progress(System.out).terminal(false).logEvery(100).build();
        double accuracy = new Trainer(config).fit(FashionCnnNet.newBlock(), FashionCnnNet.inputShape(),
                splits.train(), splits.validation(), splits.test()).testAccuracy();
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f%n", name, accuracy);
        return accuracy;
    }
}
