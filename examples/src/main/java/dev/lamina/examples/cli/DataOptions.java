package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;

import ai.djl.ndarray.types.Shape;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.experiment.TrainingBackend;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolderRun;
import dev.lamina.runtime.data.image.ImageFolders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** The command this mixin is part of: which options were given on its command line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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
        if (net.inputShape().dimension() != 4) {
            throw new InvalidInputException(net.name() + " takes " + net.inputShape().slice(1) + ", a vector; an image"
                    + " folder feeds models whose input is an image (C, H, W)");
        }
        ImageFolders.Options options = ImageFolders.Options.defaults().withResize(Resize.parse(resize))
                .withSkipBadImages(skipBadImages).withTestFraction(testFraction).withSeed(splitSeed);
        return loadFolder(net, dir, options);
    }

    private static Loaded loadFolder(GeneratedNet net, Path dir, ImageFolders.Options options) {
        Shape input = net.inputShape();
        ImageFolders.Loaded folder = ImageFolders.load(dir, (int) input.get(1), (int) input.get(2),
                (int) input.get(3), options);
        return new Loaded(folder.splits(), "folder " + dir, folder.classNames(), folder);
    }

    /**
     * The data of the run in {@code runDir} (to evaluate or continue it): for a run on an image
     * folder, the folder as training read it ({@link ImageFolderRun}: its classes, resize policy,
     * bad-file skipping, test fraction and split seed), refused when its classes or its test split
     * changed since; for any other run, {@link #load}. Of the folder options only {@code --data}
     * may differ from the run's (a moved folder); another given value is refused, since it would
     * test on other images or convert them otherwise than training did.
     *
     * @param option the option that named {@code runDir}, for messages
     */
    Loaded loadForRun(GeneratedNet net, Path runDir, String option, PrintStream out) {
        Optional<ImageFolderRun> recorded = ImageFolderRun.read(runDir);
        if (recorded.isEmpty()) {
            return load(net);
        }
        ImageFolderRun run = recorded.get();
        if (given("--dataset") && !isFolder()) {
            throw new InvalidInputException(option + " " + runDir + " was trained on an image folder ("
                    + runDir.resolve(ImageFolders.CLASSES_FILE) + "), not on --dataset " + dataset
                    + "; leave --dataset out to use the run's folder");
        }
        Path folder = dir != null ? dir : run.data();
        if (folder == null) {
            throw new InvalidInputException(option + " " + runDir + " was trained on an image folder but does"
                    + " not record which (no " + ImageFolderRun.FILE + ": an older run); give --dataset folder"
                    + " --data DIR with the options it was trained with");
        }
        if (net.inputShape().dimension() != 4) {
            return load(net); // refused there, naming the model
        }
        ImageFolders.Options options;
        if (run.hasSettings()) {
            ImageFolders.Options trained = run.options();
            refuseOther("--resize", resize, trained.resize().name().toLowerCase(Locale.ROOT),
                    Resize.parse(resize) == trained.resize(), runDir, "convert the images otherwise than training");
            refuseOther("--skip-bad-images", String.valueOf(skipBadImages), String.valueOf(trained.skipBadImages()),
                    skipBadImages == trained.skipBadImages(), runDir, "read other files than training");
            // a folder with its own test/ folder is not split: the fraction and seed do not apply
            refuseOther("--test-fraction", String.valueOf(testFraction), String.valueOf(trained.testFraction()),
                    testFraction == trained.testFraction() || !run.splitByFraction(), runDir,
                    "test on images the model trained on");
            refuseOther("--split-seed", String.valueOf(splitSeed), String.valueOf(trained.seed()),
                    splitSeed == trained.seed() || !run.splitByFraction(), runDir, "test on images the model trained on");
            options = trained;
            out.printf(Locale.ROOT, "Image folder %s read as the run %s trained on it (%s): --resize %s%s%s%n",
                    folder, runDir, runDir.resolve(ImageFolderRun.FILE), trained.resize().name().toLowerCase(Locale.ROOT),
                    trained.skipBadImages() ? ", --skip-bad-images" : "", run.splitByFraction()
                            ? String.format(Locale.ROOT, ", --test-fraction %s, --split-seed %d", trained.testFraction(),
                            trained.seed()) : ", its train/ and test/ folders");
        } else {
            options = ImageFolders.Options.defaults().withResize(Resize.parse(resize))
                    .withSkipBadImages(skipBadImages).withTestFraction(testFraction).withSeed(splitSeed);
        }
        Loaded loaded = loadFolder(net, folder, options);
        run.check(loaded.folder(), runDir);
        return loaded;
    }

    /** Refuses an option given with another value than the run's. */
    private void refuseOther(String name, String value, String runs, boolean same, Path runDir, String would) {
        if (given(name) && !same) {
            throw new InvalidInputException(name + " " + value + " differs from the " + runs + " the run in " + runDir
                    + " was trained with (" + runDir.resolve(ImageFolderRun.FILE) + "); it would " + would
                    + ". Leave " + name + " out to use the run's.");
        }
    }

    /** Whether the option was given on the command line (not its default). */
    private boolean given(String name) {
        return command != null && command.commandLine() != null
                && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(name);
    }
}
