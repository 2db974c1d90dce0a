package dev.lamina.examples.cli;

import dev.lamina.examples.catalog.ModelCatalog;

import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.image.ImageConversion.Resize;
import dev.lamina.runtime.data.image.ImageFolderRun;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.data.image.ImageManifest;
import dev.lamina.runtime.run.RunData;
import dev.lamina.runtime.run.RunDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** {@code --dataset} and {@code --data} (and the image-folder options), shared by the commands that read data. */
final class DataOptions {
    /** The {@code --dataset} of an image folder. */
    static final String FOLDER = RunData.FOLDER;
    /** The {@code --dataset} of a CSV manifest of images with targets (multi-label, regression). */
    static final String MANIFEST = "manifest";

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
            description = "fashion-mnist, mnist, cifar10, cifar100, folder (your own images:"
                    + " DIR/<class>/<image files>, docs/data.md), or manifest (a CSV file of images with"
                    + " labels or values, for multi-label and regression models, docs/tasks.md).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the dataset's files (IDX files for (fashion-)mnist, the"
                    + " binary version for CIFAR, class folders of PNG/JPEG files for folder). Default"
                    + " for fashion-mnist: /usr/share/datasets/fashion-mnist; required for the others.")
    Path dir;

    @Option(names = "--resize", paramLabel = "POLICY", defaultValue = "none", converter = ResizeConverter.class,
            description = "folder: images of another size than the model's input: none (refuse"
                    + " them), stretch (scale each axis) or crop (scale, then cut the centre).")
    Resize resize;

    /** Parses {@code --resize} with the command line, so a bad policy is refused before any data loads. */
    static final class ResizeConverter implements picocli.CommandLine.ITypeConverter<Resize> {
        @Override
        public Resize convert(String value) {
            try {
                return Resize.parse(value);
            } catch (InvalidInputException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--label-separator", paramLabel = "CHAR", defaultValue = ImageManifest.DEFAULT_SEPARATOR,
            description = "manifest: what separates the labels in a 'file,labels' manifest's labels column.")
    String labelSeparator;

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
        return RunData.isFolder(dataset);
    }

    /** The manifest {@link #load} read last (its skipped rows are reported), or null. */
    ImageManifest.Loaded manifest;

    /** Whether {@code --dataset manifest} was given. */
    boolean isManifest() {
        return dataset.trim().equalsIgnoreCase(MANIFEST);
    }

    /**
     * The parsed {@code --dataset} of a command that reads the built-in datasets only (experiment):
     * an unknown name is a usage error listing those, never {@code folder}, which this command
     * refuses (issue 21.24: following the list must not lead to another refusal).
     */
    DatasetKind dataset() {
        if (isFolder() || isManifest()) {
            throw new InvalidInputException("this command reads the built-in datasets only ("
                    + "fashion-mnist, mnist, cifar10, cifar100); --dataset " + dataset.trim() + " works with train"
                    + " and eval");
        }
        return DatasetKind.parse(dataset);
    }

    /**
     * The model named {@code name}, a simple name looked up in the --dataset's family first
     * (cifar10: the CIFAR-10 models); for an image folder as for Fashion-MNIST.
     */
    GeneratedNet model(String name) {
        return ModelCatalog.resolve(name, isFolder() || isManifest() ? DatasetKind.FASHION_MNIST : RunData.builtIn(dataset));
    }

    /** {@code --data}, or null for the dataset's default directory. */
    Path dir() {
        return dir;
    }

    /** Loads the built-in dataset, or the image folder converted to {@code net}'s input. */
    RunData load(GeneratedNet net) {
        if (isManifest()) {
            if (dir == null) {
                throw new InvalidInputException("--dataset manifest needs --data FILE, the CSV file that lists the"
                        + " images and their labels or values (docs/tasks.md)");
            }
            ai.djl.ndarray.types.Shape input = net.net().inputShape();
            if (input.dimension() != 4) {
                throw new InvalidInputException(net.name() + " takes " + input.slice(1) + ", a vector; a manifest"
                        + " feeds models whose input is an image (C, H, W)");
            }
            ImageFolders.Options options = ImageFolders.Options.defaults().withResize(resize)
                    .withSkipBadImages(skipBadImages).withTestFraction(testFraction).withSeed(splitSeed);
            manifest = ImageManifest.load(dir, (int) input.get(1), (int) input.get(2), (int) input.get(3), options,
                    labelSeparator);
            return RunData.of(manifest);
        }
        return RunData.load(net.net(), dataset, new RunDirectory.FolderRequest(dir, null, resize, skipBadImages,
                testFraction, splitSeed));
    }

    /**
     * The data of the run in {@code run} (to evaluate or continue it): for a run on an image
     * folder, the folder as training read it ({@link RunDirectory#recordedFolder}, which refuses
     * other folder options than the run's, or a folder whose classes or test split changed; only
     * {@code --data} may differ, for a moved folder); for any other run, {@link #load}.
     *
     * @param option the option that named the run, for messages
     */
    RunData loadForRun(GeneratedNet net, RunDirectory run, String option, PrintStream out) {
        RunDirectory.FolderRequest request = new RunDirectory.FolderRequest(dir,
                given("--dataset") && !isFolder() ? dataset : null,
                given("--resize") ? resize : null,
                given("--skip-bad-images") ? skipBadImages : null,
                given("--test-fraction") ? testFraction : null,
                given("--split-seed") ? splitSeed : null);
        Optional<RunData> recorded = run.recordedFolder(net.net(), request, option);
        if (recorded.isEmpty()) {
            return load(net);
        }
        ImageFolders.Loaded folder = recorded.get().folder();
        if (run.imageFolder().map(ImageFolderRun::hasSettings).orElse(false)) {
            ImageFolders.Options trained = folder.options();
            out.printf(Locale.ROOT, "Image folder %s read as the run %s trained on it (%s): --resize %s%s%s%n",
                    folder.dir(), run, run.path().resolve(ImageFolderRun.FILE),
                    trained.resize().name().toLowerCase(Locale.ROOT),
                    trained.skipBadImages() ? ", --skip-bad-images" : "", folder.splitByFraction()
                            ? String.format(Locale.ROOT, ", --test-fraction %s, --split-seed %d", trained.testFraction(),
                            trained.seed()) : ", its train/ and test/ folders");
        }
        return recorded.get();
    }

    /** Whether the option was given on the command line (not its default). */
    private boolean given(String name) {
        return command != null && command.commandLine() != null
                && command.commandLine().getParseResult() != null
                && command.commandLine().getParseResult().hasMatchedOption(name);
    }
}
