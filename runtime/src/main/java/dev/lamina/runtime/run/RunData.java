package dev.lamina.runtime.run;

import ai.djl.ndarray.types.Shape;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
import dev.lamina.runtime.data.Datasets;
import dev.lamina.runtime.data.image.ImageFolders;
import dev.lamina.runtime.data.image.ImageManifest;
import dev.lamina.runtime.train.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The data of a run, as {@link RunDirectory#train} takes it: the sets, what they are called in
 * the run's files and messages, and the names of the classes (which a saved model keeps).
 *
 * @param splits train, validation (optional) and test
 * @param label what the data is, e.g. {@code fashion-mnist} or {@code folder /data/photos}
 * @param classNames label i's name, in label order
 * @param folder the image folder as loaded (its classes, skipped files, settings), or {@code null}
 *     for other data; {@link RunDirectory#train} records it in the run directory
 */
public record RunData(DataSplits splits, String label, List<String> classNames, ImageFolders.Loaded folder) {

    public RunData {
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(label, "label");
        classNames = List.copyOf(classNames);
    }

    /** A built-in dataset's splits (e.g. {@code Datasets.load("fashion-mnist", null)}). */
    public static RunData of(DatasetKind kind, DataSplits splits) {
        return new RunData(splits, kind.id(), kind.classNames(), null);
    }

    /** Any other data: its splits, its name and its class names. */
    public static RunData of(String label, List<String> classNames, DataSplits splits) {
        return new RunData(splits, label, classNames, null);
    }

    /** An image folder loaded by {@link ImageFolders#load}. */
    public static RunData of(ImageFolders.Loaded folder) {
        return new RunData(folder.splits(), "folder " + folder.dir(), folder.classNames(), folder);
    }

    /** The {@code --dataset} (a tool's dataset option) of an image folder of one's own. */
    public static final String FOLDER = "folder";

    /** Whether {@code dataset}, as a tool's dataset option gives it, names an image folder. */
    public static boolean isFolder(String dataset) {
        return dataset != null && dataset.trim().equalsIgnoreCase(FOLDER);
    }

    /**
     * The built-in dataset {@code dataset} names; an unknown name is refused with the known ones
     * and {@value #FOLDER}.
     *
     * @throws InvalidInputException for an unknown name
     */
    public static DatasetKind builtIn(String dataset) {
        try {
            return DatasetKind.parse(dataset);
        } catch (InvalidInputException e) {
            // the tools read image folders too: name them with the built-in datasets
            throw new InvalidInputException(e.getMessage() + ", " + FOLDER + " (your own images, --data DIR)");
        }
    }

    /**
     * The data a tool's options name, for {@code net}: {@code dataset} {@value #FOLDER} is the image
     * folder {@code options.data()} read with {@code options} (ImageFolders' defaults where null)
     * and converted to the model's input; any other name is a built-in dataset read from {@code
     * options.data()} (null: its default directory).
     *
     * @param options the folder and how to read it ({@code otherDataset} is not read)
     * @throws InvalidInputException for an unknown dataset, or a folder without {@code --data}
     */
    public static RunData load(LaminaNet net, String dataset, RunDirectory.FolderRequest options) {
        if (!isFolder(dataset)) {
            DatasetKind kind = builtIn(dataset);
            return of(kind, Datasets.load(kind.id(), options.data()));
        }
        if (options.data() == null) {
            throw new InvalidInputException("--dataset folder needs --data DIR, the folder that holds"
                    + " one sub-folder of images per class");
        }
        ImageFolders.Options defaults = ImageFolders.Options.defaults();
        return loadFolder(net, options.data(), defaults
                .withResize(options.resize() != null ? options.resize() : defaults.resize())
                .withSkipBadImages(options.skipBadImages() != null ? options.skipBadImages() : defaults.skipBadImages())
                .withTestFraction(options.testFraction() != null ? options.testFraction() : defaults.testFraction())
                .withSeed(options.splitSeed() != null ? options.splitSeed() : defaults.seed()));
    }

    /** A CSV manifest loaded by {@link ImageManifest#load}: its targets' names are the labels a saved model keeps. */
    public static RunData of(ImageManifest.Loaded manifest) {
        return new RunData(manifest.splits(), "manifest " + manifest.manifest(), manifest.targetNames(), null);
    }

    /**
     * Loads an image folder converted to {@code net}'s input.
     *
     * @throws InvalidInputException when the model's input is not an image {@code (C, H, W)}
     */
    public static RunData loadFolder(LaminaNet net, Path dir, ImageFolders.Options options) {
        Shape input = net.inputShape();
        if (input.dimension() != 4) {
            throw new InvalidInputException(net.name() + " takes " + input.slice(1) + ", a vector; an image"
                    + " folder feeds models whose input is an image (C, H, W)");
        }
        return of(ImageFolders.load(dir, (int) input.get(1), (int) input.get(2), (int) input.get(3), options));
    }

    /**
     * What a tool reports about its image folder before training, as lines: the folder, its layout
     * and classes, and (when files were skipped) where their list is; none for other data.
     *
     * @param run the run directory the list of skipped files is written to
     * @param skipOption how the tool names the skipping option, e.g. {@code --skip-bad-images}
     * @return the lines
     */
    public List<String> folderReport(RunDirectory run, String skipOption) {
        if (folder == null) {
            return List.of();
        }
        String layout = String.format(java.util.Locale.ROOT, "Image folder %s: %s; %d classes: %s", folder.dir(),
                folder.layout(), folder.classNames().size(), String.join(", ", folder.classNames()));
        if (folder.skipped().isEmpty()) {
            return List.of(layout);
        }
        return List.of(layout, String.format(java.util.Locale.ROOT, "Skipped %d bad file(s) or folder(s) (%s),"
                + " listed in %s", folder.skipped().size(), skipOption, run.path().resolve(ImageFolders.SKIPPED_FILE)));
    }

    /**
     * This data with {@code settings.validation()} of the training set held out (stratified, by
     * the seed) when it has no validation set yet; unchanged otherwise, or when the fraction is 0.
     */
    public RunData withValidation(TrainingSettings settings) {
        if (settings.validation() == 0 || splits.hasValidation()) {
            return this;
        }
        return new RunData(splits.withValidation(settings.validation(), settings.seed()), label, classNames, folder);
    }
}
