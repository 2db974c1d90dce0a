package dev.lamina.runtime.run;

import ai.djl.ndarray.types.Shape;
import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.LaminaNet;
import dev.lamina.runtime.data.DataSplits;
import dev.lamina.runtime.data.DatasetKind;
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
