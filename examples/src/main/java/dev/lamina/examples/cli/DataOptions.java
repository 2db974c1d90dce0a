package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;

import ai.djl.ndarray.types.Shape;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolders;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --dataset} and {@code --data} (and the image-folder options), shared by the commands that read data. */
final class DataOptions {
    /** The {@code --dataset} of an image folder. */
    static final String FOLDER = "folder";

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10, cifar100, or folder (your own images:"
                    + " DIR/<class>/<image files>, docs/data.md).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the dataset's files (IDX files for (fashion-)mnist, the"
                    + " binary version for CIFAR, class folders of PNG/JPEG files for folder). Default"
                    + " for fashion-mnist: /usr/share/datasets/fashion-mnist; required for the others.")
    Path dir;

    @Option(names = "--resize", paramLabel = "POLICY", defaultValue = "none",
            description = "folder: images of another size than the model's input: none (refuse"
                    + " them), stretch (scale each axis) or crop (scale, then cut the centre).")
    String resize;

    @Option(names = "--skip-bad-images",
            description = "folder: leave out damaged, unreadable, non-image or wrongly sized files"
                    + " and empty class folders (listed in the run directory) instead of stopping.")
    boolean skipBadImages;

    @Option(names = "--test-fraction", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "folder without a test/ (or val/) folder: share of each class held out as"
                    + " the test set (stratified, by --split-seed).")
    double testFraction;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "42",
            description = "folder: fixes the test split, so train and eval see the same one.")
    long splitSeed;

    /** Whether {@code --dataset folder} was given. */
    boolean isFolder() {
        return dataset.trim().equalsIgnoreCase(FOLDER);
    }

    /** The parsed {@code --dataset}; an unknown name is a usage error listing the valid ones. */
    DatasetKind dataset() {
        if (isFolder()) {
            throw new InvalidInputException("this command reads the built-in datasets only ("
                    + "fashion-mnist, mnist, cifar10, cifar100); --dataset folder works with train and eval");
        }
        return DatasetKind.parse(dataset);
    }

    /**
     * The model named {@code name}, a simple name looked up in the --dataset's family first
     * (cifar10: the CIFAR-10 models); for an image folder as for Fashion-MNIST.
     */
    GeneratedNet model(String name) {
        return ModelCatalog.resolve(name, isFolder() ? DatasetKind.FASHION_MNIST : dataset());
    }

    /** {@code --data}, or null for the dataset's default directory. */
    Path dir() {
        return dir;
    }

    /**
     * The data as a command uses it.
     *
     * @param splits train (validation) test
     * @param label what it is, e.g. {@code fashion-mnist} or {@code folder photos}
     * @param classNames label i's name
     * @param folder the loaded folder (class names, skipped files), or null for a built-in dataset
     */
    record Loaded(DataSplits splits, String label, List<String> classNames, ImageFolders.Loaded folder) {}

    /** Loads the built-in dataset, or the image folder converted to {@code net}'s input. */
    Loaded load(GeneratedNet net) {
        if (!isFolder()) {
            DatasetKind kind = dataset();
            return new Loaded(TrainingBackend.load(kind, dir, 0), kind.id(), kind.classNames(), null);
        }
        if (dir == null) {
            throw new InvalidInputException("--dataset folder needs --data DIR, the folder that holds"
                    + " one sub-folder of images per class");
        }
        Shape input = net.inputShape();
        if (input.dimension() != 4) {
            throw new InvalidInputException(net.name() + " takes " + input.slice(1) + ", a vector; an image"
                    + " folder feeds models whose input is an image (C, H, W)");
        }
        ImageFolders.Options options = ImageFolders.Options.defaults().withResize(Resize.parse(resize))
                .withSkipBadImages(skipBadImages).withTestFraction(testFraction).withSeed(splitSeed);
        ImageFolders.Loaded folder = ImageFolders.load(dir, (int) input.get(1), (int) input.get(2),
                (int) input.get(3), options);
        return new Loaded(folder.splits(), "folder " + dir, folder.classNames(), folder);
    }
}
